#!/usr/bin/env bash
# A real WordPress on 127.0.0.1 for the tests (Debian's `wordpress` package, MariaDB, PHP's
# built-in server). Run as root.
#
#   wordpress-test-server.sh install                   apt-get the packages (idempotent)
#   wordpress-test-server.sh available                 exit 0 when `start` can work here
#   wordpress-test-server.sh start PORT STATEDIR       a fresh site served on 127.0.0.1:PORT;
#                                                      writes STATEDIR/env (KEY='value' lines)
#   wordpress-test-server.sh stop STATEDIR             stop the server, drop the site
#   wordpress-test-server.sh permalinks plain|pretty STATEDIR
#
# Several sites can run at once on different ports: Debian's wp-config.php loads
# /etc/wordpress/config-127.0.0.1.php for every port, so that file only dispatches to the
# per-port config /etc/wordpress/dp-test-site-PORT.php written by `start`.
# STATEDIR/env holds test-only credentials of a throw-away site (mode 600).
set -euo pipefail

PACKAGES=(wordpress wordpress-theme-twentytwentythree php-cli php-mysql mariadb-server)
WP_ROOT=/usr/share/wordpress
ETC=/etc/wordpress
DISPATCH="$ETC/config-127.0.0.1.php"
MARKER="Desktop Publisher test sites"

die() {
  echo "wordpress-test-server: $*" >&2
  exit 1
}

usage() {
  die "usage: $0 install | available | start PORT STATEDIR | stop STATEDIR | permalinks plain|pretty STATEDIR"
}

missing() {
  # Prints what `start` needs but this machine lacks (nothing when ready).
  local out=()
  command -v php >/dev/null 2>&1 || out+=("php (php-cli)")
  command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1 || out+=("mariadb client")
  [ -x /usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ] || out+=("mariadb-server")
  [ -f "$WP_ROOT/wp-load.php" ] || out+=("wordpress")
  [ -d "$WP_ROOT/wp-content/themes/twentytwentythree" ] || out+=("wordpress-theme-twentytwentythree")
  # grep without -q reads to the end: with -q it may exit first, php then dies of SIGPIPE and,
  # under pipefail, a present module would be reported missing now and then.
  if command -v php >/dev/null 2>&1 && ! php -m 2>/dev/null | grep -i '^mysqli$' >/dev/null; then
    out+=("php-mysql")
  fi
  [ "$(id -u)" = 0 ] || out+=("root privileges")
  if [ -f "$DISPATCH" ] && ! grep -q "$MARKER" "$DISPATCH"; then
    out+=("a free $DISPATCH (one not written by this script exists)")
  fi
  printf '%s\n' "${out[@]}"
}

sql() {
  if command -v mariadb >/dev/null 2>&1; then mariadb -uroot "$@"; else mysql -uroot "$@"; fi
}

db_running() {
  sql -e 'SELECT 1' >/dev/null 2>&1
}

random_word() {
  # Letters and digits only: safe inside SQL, PHP and shell quotes without escaping.
  tr -dc 'A-Za-z0-9' </dev/urandom | head -c "${1:-24}" || true
}

answers() {
  # True when the site answers HTTP at all (any status): the server is up.
  php -r '$c = stream_context_create(["http" => ["ignore_errors" => true, "timeout" => 3]]);
          exit(@file_get_contents($argv[1], false, $c) === false ? 1 : 0);' "$1"
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

load_env() {
  local state=$1
  [ -f "$state/env" ] || die "no $state/env: was the site started with this state directory?"
  # shellcheck disable=SC1091
  . "$state/env"
}

wp_php() {
  # Runs PHP code inside the site of port $1 (WordPress loaded, as if a request came to it).
  local port=$1 code=$2
  shift 2
  DP_PORT=$port php -d display_errors=stderr -r '
    $_SERVER["HTTP_HOST"] = "127.0.0.1:" . getenv("DP_PORT");
    $_SERVER["SERVER_PORT"] = getenv("DP_PORT");
    $_SERVER["REQUEST_URI"] = "/";
    $_SERVER["SERVER_NAME"] = "127.0.0.1";
    $_SERVER["REQUEST_METHOD"] = "GET";
  '"$code" -- "$@"
}

cmd_install() {
  [ "$(id -u)" = 0 ] || die "install must run as root (it uses apt-get)"
  if [ -z "$(missing | grep -v 'root privileges' || true)" ]; then
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  # Debian starts no services in containers; `start` starts MariaDB when it needs it.
}

cmd_available() {
  local lacking
  lacking=$(missing)
  if [ -n "$lacking" ]; then
    echo "WordPress test server unavailable; missing: $(echo "$lacking" | paste -sd, -)" >&2
    return 1
  fi
}

write_dispatch() {
  if [ -f "$DISPATCH" ] && ! grep -q "$MARKER" "$DISPATCH"; then
    die "$DISPATCH exists and was not written by this script; not touching it"
  fi
  # Written aside and renamed: another site starting at the same moment never reads half a file.
  cat >"$DISPATCH.$$" <<'PHP'
<?php
// Desktop Publisher test sites: one WordPress per port on 127.0.0.1, each configured in
// /etc/wordpress/dp-test-site-PORT.php (written by scripts/wordpress-test-server.sh).
$dp_host = isset($_SERVER['HTTP_HOST']) ? $_SERVER['HTTP_HOST'] : '';
$dp_port = preg_match('/:(\d+)$/', $dp_host, $dp_m) ? $dp_m[1]
    : (isset($_SERVER['SERVER_PORT']) ? preg_replace('/\D/', '', $_SERVER['SERVER_PORT']) : '80');
$dp_file = '/etc/wordpress/dp-test-site-' . $dp_port . '.php';
if (!is_file($dp_file)) {
    header('HTTP/1.0 404 Not Found');
    echo 'No test site configured for port ' . htmlspecialchars($dp_port);
    exit(1);
}
require $dp_file;
PHP
  mv -f "$DISPATCH.$$" "$DISPATCH"
  ln -sfn "$DISPATCH" "$ETC/config-localhost.php"
}

write_router() {
  # PHP's built-in server knows nothing of Debian's Alias /wp-content: serve uploads from the
  # site's own content directory, everything else as usual (index.php for unknown paths).
  local state=$1
  cat >"$state/router.php" <<'PHP'
<?php
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (strpos($path, '/wp-content/') === 0 && strpos($path, '..') === false) {
    $file = getenv('DP_WP_CONTENT') . substr($path, strlen('/wp-content'));
    if (is_file($file) && !preg_match('/\.php$/i', $file)) {
        $type = function_exists('mime_content_type') ? mime_content_type($file) : false;
        header('Content-Type: ' . ($type ?: 'application/octet-stream'));
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }
}
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}
if ($path !== '/' && is_dir($_SERVER['DOCUMENT_ROOT'] . $path)
    && is_file($_SERVER['DOCUMENT_ROOT'] . rtrim($path, '/') . '/index.php')) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
PHP
}

cmd_start() {
  local port=$1 state=$2
  [[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, not $port"
  cmd_available || die "cannot start (run: $0 install)"
  port_taken "$port" && die "port $port on 127.0.0.1 is already in use"
  mkdir -p "$state"
  state=$(cd "$state" && pwd)
  [ -f "$state/env" ] && die "$state/env exists: stop that site first ($0 stop $state)"

  local mariadb_started=0
  if ! db_running; then
    service mariadb start >/dev/null 2>&1 || service mysql start >/dev/null 2>&1 || true
    local i
    for i in $(seq 1 60); do
      db_running && break
      sleep 0.5
    done
    db_running || die "MariaDB did not start"
    mariadb_started=1
  fi

  local db="dp_wp_$port" db_password url="http://127.0.0.1:$port"
  db_password=$(random_word 24)
  sql <<SQL
DROP DATABASE IF EXISTS \`$db\`;
CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$db'@'localhost' IDENTIFIED BY '$db_password';
ALTER USER '$db'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$db'@'localhost';
FLUSH PRIVILEGES;
SQL

  # Each site has its own content directory (uploads), sharing Debian's themes and plugins.
  local content="$state/wp-content"
  rm -rf "$content"
  mkdir -p "$content/uploads"
  ln -s /var/lib/wordpress/wp-content/themes "$content/themes"
  ln -s /var/lib/wordpress/wp-content/plugins "$content/plugins"
  [ -d /var/lib/wordpress/wp-content/languages ] &&
    ln -s /var/lib/wordpress/wp-content/languages "$content/languages"

  write_dispatch
  local config="$ETC/dp-test-site-$port.php" salts="" key
  for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT \
    LOGGED_IN_SALT NONCE_SALT; do
    salts+="define('$key', '$(random_word 64)');"$'\n'
  done
  umask 077
  cat >"$config" <<PHP
<?php
// $MARKER: the site on port $port (state in $state).
define('DB_NAME', '$db');
define('DB_USER', '$db');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '$content');
define('WP_CONTENT_URL', '$url/wp-content');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
// Application passwords over plain http are allowed only on a 'local' site.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
$salts
PHP
  chmod 644 "$config"
  umask 022

  write_router "$state"
  local admin_password app_password author_app_password contributor_app_password
  admin_password=$(random_word 24)

  # Install without HTTP (and without the welcome e-mail: there is no mail here).
  wp_php "$port" '
    define("WP_INSTALLING", true);
    function wp_new_blog_notification() {}
    require "/usr/share/wordpress/wp-load.php";
    require_once ABSPATH . "wp-admin/includes/upgrade.php";
    $r = wp_install("Desktop Publisher test site", "admin", "admin@example.org", false, "",
                    $argv[1]);
    if (empty($r["user_id"])) { fwrite(STDERR, "install failed\n"); exit(1); }
  ' "$admin_password" >"$state/install.log" 2>&1 || {
    cat "$state/install.log" >&2
    die "WordPress install failed"
  }

  # Pretty permalinks, an author (cannot create categories or tags), a contributor (cannot
  # publish), application passwords.
  local out
  out=$(wp_php "$port" '
    require "/usr/share/wordpress/wp-load.php";
    // set_permalink_structure() also re-reads the rules of this already loaded WordPress.
    $GLOBALS["wp_rewrite"]->set_permalink_structure("/%postname%/");
    flush_rewrite_rules(false);
    $admin = get_user_by("login", "admin");
    wp_update_user(["ID" => $admin->ID, "display_name" => "Site Admin"]);
    $author = wp_insert_user(["user_login" => "author", "user_pass" => wp_generate_password(24),
      "user_email" => "author@example.org", "role" => "author", "display_name" => "Ann Author"]);
    if (is_wp_error($author)) { fwrite(STDERR, $author->get_error_message()); exit(1); }
    $contributor = wp_insert_user(["user_login" => "contributor",
      "user_pass" => wp_generate_password(24), "user_email" => "contributor@example.org",
      "role" => "contributor", "display_name" => "Cory Contributor"]);
    if (is_wp_error($contributor)) { fwrite(STDERR, $contributor->get_error_message()); exit(1); }
    $a = WP_Application_Passwords::create_new_application_password($admin->ID, ["name" => "tests"]);
    $b = WP_Application_Passwords::create_new_application_password($author, ["name" => "tests"]);
    $c = WP_Application_Passwords::create_new_application_password($contributor,
      ["name" => "tests"]);
    if (is_wp_error($a) || is_wp_error($b) || is_wp_error($c)) {
      fwrite(STDERR, "application password failed"); exit(1);
    }
    echo $a[0], " ", $b[0], " ", $c[0], "\n";
  ' 2>>"$state/install.log") || {
    cat "$state/install.log" >&2
    die "setting up the site failed"
  }
  read -r app_password author_app_password contributor_app_password <<<"$out"
  [ -n "$contributor_app_password" ] || die "no application password was created"

  DP_WP_CONTENT="$content" PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" \
    -t "$WP_ROOT" "$state/router.php" </dev/null >"$state/server.log" 2>&1 &
  local pid=$!

  umask 077
  cat >"$state/env" <<ENV
WP_URL='$url'
WP_USER='admin'
WP_APP_PASSWORD='$app_password'
WP_ADMIN_PASSWORD='$admin_password'
WP_AUTHOR_USER='author'
WP_AUTHOR_APP_PASSWORD='$author_app_password'
WP_CONTRIBUTOR_USER='contributor'
WP_CONTRIBUTOR_APP_PASSWORD='$contributor_app_password'
WP_PORT='$port'
WP_PID='$pid'
WP_DB='$db'
WP_CONFIG='$config'
WP_CONTENT='$content'
WP_MARIADB_STARTED='$mariadb_started'
ENV
  umask 022

  local i
  for i in $(seq 1 100); do
    if answers "$url/wp-json/"; then
      echo "WordPress serving $url (state in $state)"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$state/server.log" >&2 || true
  cmd_stop "$state" || true
  die "WordPress on $url did not answer"
}

cmd_stop() {
  local state=$1
  [ -f "$state/env" ] || return 0
  load_env "$state"
  if [ -n "${WP_PID:-}" ] && kill -0 "$WP_PID" 2>/dev/null; then
    # setsid made the server its own process group: the workers go with it.
    kill -TERM -- "-$WP_PID" 2>/dev/null || kill -TERM "$WP_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do
      kill -0 "$WP_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$WP_PID" 2>/dev/null || true
  fi
  if db_running; then
    sql -e "DROP DATABASE IF EXISTS \`$WP_DB\`; DROP USER IF EXISTS '$WP_DB'@'localhost';" || true
  fi
  rm -f "$WP_CONFIG"
  rm -rf "$WP_CONTENT" "$state/router.php"
  # MariaDB is stopped only if this site started it and no other test site remains.
  if [ "${WP_MARIADB_STARTED:-0}" = 1 ] && ! ls "$ETC"/dp-test-site-*.php >/dev/null 2>&1; then
    service mariadb stop >/dev/null 2>&1 || service mysql stop >/dev/null 2>&1 || true
  fi
  rm -f "$state/env"
}

cmd_permalinks() {
  local mode=$1 state=$2 structure
  case $mode in
    plain) structure="" ;;
    pretty) structure="/%postname%/" ;;
    *) usage ;;
  esac
  load_env "$state"
  wp_php "$WP_PORT" '
    require "/usr/share/wordpress/wp-load.php";
    $GLOBALS["wp_rewrite"]->set_permalink_structure($argv[1]);
    flush_rewrite_rules(false);
  ' "$structure"
}

case ${1:-} in
  install) cmd_install ;;
  available) cmd_available ;;
  start) [ $# -eq 3 ] || usage; cmd_start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; cmd_stop "$2" ;;
  permalinks) [ $# -eq 3 ] || usage; cmd_permalinks "$2" "$3" ;;
  *) usage ;;
esac
