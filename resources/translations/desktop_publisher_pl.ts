<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
    <context>
        <name>AccountEditDialog</name>
        <message>
            <source>Add account</source>
            <translation>Dodaj konto</translation>
        </message>
        <message>
            <source>Edit account — %1</source>
            <translation>Edycja konta — %1</translation>
        </message>
        <message>
            <source>Platform</source>
            <translation>Platforma</translation>
        </message>
        <message>
            <source>Platform:</source>
            <translation>Platforma:</translation>
        </message>
        <message>
            <source>How you call it, e.g. Brand A</source>
            <translation>Jak je nazywasz, np. Marka A</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nazwa</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nazwa:</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>Wygasa</translation>
        </message>
        <message>
            <source>You are warned before it expires; then paste a new one here.</source>
            <translation>Dostaniesz ostrzeżenie przed wygaśnięciem; wtedy wklej tu nowy.</translation>
        </message>
        <message>
            <source>Expiry:</source>
            <translation>Ważność:</translation>
        </message>
        <message>
            <source>Paste the %1</source>
            <translation>Wklej: %1</translation>
        </message>
        <message>
            <source>Kept in the system keyring, never in a file.</source>
            <translation>Przechowywany w systemowym magazynie haseł, nigdy w pliku.</translation>
        </message>
        <message>
            <source>Leave empty to keep the stored one</source>
            <translation>Zostaw puste, aby zachować zapisany</translation>
        </message>
        <message>
            <source>The stored %1 is never shown. Paste a new one to replace it (kept in the system keyring).</source>
            <translation>Zapisany sekret (%1) nigdy nie jest pokazywany. Wklej nowy, aby go zastąpić (trafi do systemowego magazynu haseł).</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>opcjonalne</translation>
        </message>
        <message>
            <source>Expires on: the date must be in the future.</source>
            <translation>Wygasa: data musi być w przyszłości.</translation>
        </message>
        <message>
            <source>Saving to the system keyring…</source>
            <translation>Zapisywanie w systemowym magazynie haseł…</translation>
        </message>
        <message>
            <source>The account could not be saved: %1</source>
            <translation>Nie udało się zapisać konta: %1</translation>
        </message>
    </context>
    <context>
        <name>AccountsDialog</name>
        <message>
            <source>Remove account</source>
            <translation>Usuń konto</translation>
        </message>
        <message>
            <source>%1 cannot be removed yet: %2 of its posts are being published or need a check. Resolve them in the queue first (Retry or mark as published).</source>
            <translation>Nie można jeszcze usunąć %1: posty w trakcie publikacji lub do sprawdzenia: %2. Najpierw rozstrzygnij je w kolejce (Ponów lub oznacz jako opublikowane).</translation>
        </message>
        <message numerus="yes">
            <source>Its %n scheduled post(s) will not be published: they leave the queue.</source>
            <translation>
                <numerusform>Jego %n zaplanowany post nie zostanie opublikowany: znika z kolejki.</numerusform>
                <numerusform>Jego %n zaplanowane posty nie zostaną opublikowane: znikają z kolejki.</numerusform>
                <numerusform>Jego %n zaplanowanych postów nie zostanie opublikowanych: znikają z kolejki.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Its %n finished post(s) leave the queue and the calendar too.</source>
            <translation>
                <numerusform>Jego %n zakończony post również znika z kolejki i kalendarza.</numerusform>
                <numerusform>Jego %n zakończone posty również znikają z kolejki i kalendarza.</numerusform>
                <numerusform>Jego %n zakończonych postów również znika z kolejki i kalendarza.</numerusform>
            </translation>
        </message>
        <message>
            <source>The content itself stays, so you can schedule it for another account.</source>
            <translation>Sama treść zostaje, więc możesz ją zaplanować na innym koncie.</translation>
        </message>
        <message>
            <source>Its %1 is deleted from the system keyring.</source>
            <translation>Jego sekret (%1) zostanie usunięty z systemowego magazynu haseł.</translation>
        </message>
        <message>
            <source>Remove the account %1?</source>
            <translation>Usunąć konto %1?</translation>
        </message>
        <message>
            <source>Removing %1…</source>
            <translation>Usuwanie %1…</translation>
        </message>
        <message>
            <source>Removed %1.</source>
            <translation>Usunięto %1.</translation>
        </message>
        <message>
            <source>Removed %1, but its secret could not be deleted from the keyring.</source>
            <translation>Usunięto %1, ale nie udało się usunąć jego sekretu z magazynu haseł.</translation>
        </message>
        <message>
            <source>Unexpected error: %1</source>
            <translation>Nieoczekiwany błąd: %1</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Sprawdzanie…</translation>
        </message>
        <message>
            <source>Asking the platform…</source>
            <translation>Pytanie platformy…</translation>
        </message>
        <message>
            <source>Not tested yet</source>
            <translation>Jeszcze nie sprawdzono</translation>
        </message>
        <message>
            <source>Use Test connection to check it</source>
            <translation>Użyj „Sprawdź połączenie”, aby je sprawdzić</translation>
        </message>
        <message>
            <source>Checked %1</source>
            <translation>Sprawdzono %1</translation>
        </message>
        <message>
            <source>Works — connected as %1</source>
            <translation>Działa — połączono jako %1</translation>
        </message>
        <message>
            <source>Does not expire</source>
            <translation>Nie wygasa</translation>
        </message>
        <message>
            <source>No expiry date is recorded</source>
            <translation>Nie zapisano daty wygaśnięcia</translation>
        </message>
        <message>
            <source>Expired on %1</source>
            <translation>Wygasł %1</translation>
        </message>
        <message>
            <source>Edit the account and paste a new token to reconnect it</source>
            <translation>Edytuj konto i wklej nowy token, aby je ponownie połączyć</translation>
        </message>
        <message>
            <source>Expires today</source>
            <translation>Wygasa dziś</translation>
        </message>
        <message numerus="yes">
            <source>Expires in %n day(s)</source>
            <translation>
                <numerusform>Wygasa za %n dzień</numerusform>
                <numerusform>Wygasa za %n dni</numerusform>
                <numerusform>Wygasa za %n dni</numerusform>
            </translation>
        </message>
        <message>
            <source>Reconnect it before then: edit the account and paste a new token</source>
            <translation>Połącz je ponownie przed tym terminem: edytuj konto i wklej nowy token</translation>
        </message>
        <message>
            <source>Expires %1</source>
            <translation>Wygasa %1</translation>
        </message>
        <message>
            <source>Choose a .env file</source>
            <translation>Wybierz plik .env</translation>
        </message>
        <message>
            <source>Environment files (*.env .env);;All files (*)</source>
            <translation>Pliki środowiska (*.env .env);;Wszystkie pliki (*)</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Konta</translation>
        </message>
        <message>
            <source>The accounts Desktop Publisher publishes to. Their tokens and passwords are kept in the system keyring, never in a file.</source>
            <translation>Konta, na których Desktop Publisher publikuje. Ich tokeny i hasła są przechowywane w systemowym magazynie haseł, nigdy w pliku.</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <source>Platform</source>
            <translation>Platforma</translation>
        </message>
        <message>
            <source>Last check</source>
            <translation>Ostatnie sprawdzenie</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <source>Connected accounts</source>
            <translation>Połączone konta</translation>
        </message>
        <message>
            <source>No accounts yet</source>
            <translation>Nie ma jeszcze kont</translation>
        </message>
        <message>
            <source>Add one with &lt;b&gt;Add account&lt;/b&gt;: you need its access token (for WordPress, an application password). If you used the environment variables of the earlier publishing service (LINKEDIN_ACCESS_TOKEN, …), use &lt;b&gt;Import&lt;/b&gt;.</source>
            <translation>Dodaj je przyciskiem &lt;b&gt;Dodaj konto&lt;/b&gt;: potrzebny jest token dostępu (dla WordPressa hasło aplikacji). Jeśli używałeś zmiennych środowiskowych wcześniejszej usługi publikowania (LINKEDIN_ACCESS_TOKEN, …), użyj &lt;b&gt;Importuj&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Dodaj konto</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edytuj…</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Sprawdź połączenie</translation>
        </message>
        <message>
            <source>Ask the platform who this token belongs to (runs in the background)</source>
            <translation>Zapytaj platformę, do kogo należy ten token (działa w tle)</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Usuń…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importuj</translation>
        </message>
        <message>
            <source>From this session's environment variables</source>
            <translation>Ze zmiennych środowiskowych tej sesji</translation>
        </message>
        <message>
            <source>From a .env file…</source>
            <translation>Z pliku .env…</translation>
        </message>
        <message>
            <source>Create accounts from LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, INSTAGRAM_ACCESS_TOKEN, WORDPRESS_PASSWORD and their companions</source>
            <translation>Utwórz konta z LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, INSTAGRAM_ACCESS_TOKEN, WORDPRESS_PASSWORD i powiązanych zmiennych</translation>
        </message>
        <message>
            <source>Saved %1. Use Test connection to check that it works.</source>
            <translation>Zapisano %1. Użyj „Sprawdź połączenie”, aby sprawdzić, czy działa.</translation>
        </message>
        <message>
            <source>Testing %1…</source>
            <translation>Sprawdzanie %1…</translation>
        </message>
        <message>
            <source>%1 works: connected as %2.</source>
            <translation>%1 działa: połączono jako %2.</translation>
        </message>
        <message>
            <source>its %1 is missing from the system keyring — click Edit… and paste it again.</source>
            <translation>w systemowym magazynie haseł brakuje sekretu (%1) — kliknij Edytuj… i wklej go ponownie.</translation>
        </message>
        <message>
            <source>%1 does not work: %2</source>
            <translation>%1 nie działa: %2</translation>
        </message>
        <message>
            <source>this session's environment variables</source>
            <translation>zmiennych środowiskowych tej sesji</translation>
        </message>
        <message>
            <source>Importing from %1…</source>
            <translation>Importowanie z: %1…</translation>
        </message>
        <message>
            <source>Created: %1</source>
            <translation>Utworzono: %1</translation>
        </message>
        <message>
            <source>Updated (settings and secret): %1</source>
            <translation>Zaktualizowano (ustawienia i sekret): %1</translation>
        </message>
        <message>
            <source>Skipped, incomplete: %1</source>
            <translation>Pominięto, niekompletne: %1</translation>
        </message>
        <message>
            <source>No account was created.</source>
            <translation>Nie utworzono żadnego konta.</translation>
        </message>
        <message>
            <source>Import accounts</source>
            <translation>Importuj konta</translation>
        </message>
        <message>
            <source>Import finished.</source>
            <translation>Import zakończony.</translation>
        </message>
    </context>
    <context>
        <name>Advice</name>
        <message>
            <source>open Accounts, choose Edit… for account {account} and paste a new token</source>
            <translation>otwórz Konta, wybierz Edytuj… przy koncie {account} i wklej nowy token</translation>
        </message>
        <message>
            <source>a wrong token is replaced in Accounts: Edit… for account {account}</source>
            <translation>błędny token zastąpisz w Kontach: Edytuj… przy koncie {account}</translation>
        </message>
        <message>
            <source>enter the author in the account's settings (Accounts → Edit…)</source>
            <translation>wpisz autora w ustawieniach konta (Konta → Edytuj…)</translation>
        </message>
        <message>
            <source>add a WordPress account that hosts images (Accounts → Add account)</source>
            <translation>dodaj konto WordPress, które przechowuje obrazy (Konta → Dodaj konto)</translation>
        </message>
        <message>
            <source>open Accounts, choose Edit… for account {account} and enter it again</source>
            <translation>otwórz Konta, wybierz Edytuj… przy koncie {account} i wpisz go ponownie</translation>
        </message>
    </context>
    <context>
        <name>CalendarView</name>
        <message>
            <source>Today</source>
            <translation>Dziś</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Miesiąc</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Tydzień</translation>
        </message>
        <message>
            <source>All days</source>
            <translation>Wszystkie dni</translation>
        </message>
        <message>
            <source>Show every day in the queue</source>
            <translation>Pokaż w kolejce wszystkie dni</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Poprzedni</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Następny</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Kalendarz</translation>
        </message>
        <message>
            <source>No posts</source>
            <translation>Brak postów</translation>
        </message>
    </context>
    <context>
        <name>DetailsPane</name>
        <message>
            <source>Select a post to see its details.</source>
            <translation>Wybierz post, aby zobaczyć szczegóły.</translation>
        </message>
        <message>
            <source>Published %1</source>
            <translation>Opublikowano %1</translation>
        </message>
        <message>
            <source>Planned for %1</source>
            <translation>Zaplanowano na %1</translation>
        </message>
        <message>
            <source>Due %1</source>
            <translation>Termin: %1</translation>
        </message>
        <message>
            <source>Next try %1</source>
            <translation>Następna próba: %1</translation>
        </message>
        <message>
            <source>Media:</source>
            <translation>Media:</translation>
        </message>
        <message>
            <source>Publish now</source>
            <translation>Opublikuj teraz</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edytuj…</translation>
        </message>
        <message>
            <source>Reschedule…</source>
            <translation>Zmień termin…</translation>
        </message>
        <message>
            <source>Not known whether this post went out.</source>
            <translation>Nie wiadomo, czy ten post został opublikowany.</translation>
        </message>
        <message>
            <source>The connection broke after it was sent. Look at %1 on %2, then say.</source>
            <translation>Połączenie zerwało się po wysłaniu. Sprawdź %1 na %2, a potem zdecyduj.</translation>
        </message>
        <message>
            <source>Check and retry…</source>
            <translation>Sprawdź i ponów…</translation>
        </message>
        <message>
            <source>Cancel post</source>
            <translation>Anuluj post</translation>
        </message>
        <message>
            <source>%1 refused the account's sign-in.</source>
            <translation>%1 odrzucił logowanie konta.</translation>
        </message>
        <message>
            <source>Reconnect %1, then retry.</source>
            <translation>Połącz ponownie %1, a potem ponów.</translation>
        </message>
        <message>
            <source>Reconnect…</source>
            <translation>Połącz ponownie…</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Ponów</translation>
        </message>
        <message>
            <source>%1 refused the content.</source>
            <translation>%1 odrzucił treść.</translation>
        </message>
        <message>
            <source>Change the post, then schedule it again.</source>
            <translation>Zmień post i zaplanuj go ponownie.</translation>
        </message>
        <message>
            <source>Missed: the app was not running when it was due.</source>
            <translation>Pominięty: aplikacja nie działała w chwili publikacji.</translation>
        </message>
        <message>
            <source>Publish it now or choose another time.</source>
            <translation>Opublikuj go teraz albo wybierz inny termin.</translation>
        </message>
        <message>
            <source>Not published.</source>
            <translation>Nie opublikowano.</translation>
        </message>
        <message>
            <source>The last attempt did not go through; it will be tried again.</source>
            <translation>Ostatnia próba się nie powiodła; zostanie ponowiona.</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Szkic</translation>
        </message>
        <message>
            <source>Last changed %1</source>
            <translation>Ostatnia zmiana: %1</translation>
        </message>
        <message>
            <source>Delete draft</source>
            <translation>Usuń szkic</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n próba</numerusform>
                <numerusform>%n próby</numerusform>
                <numerusform>%n prób</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Error</name>
        <message>
            <source>An account named {name} already exists: choose another name.</source>
            <translation>Konto o nazwie {name} już istnieje: wybierz inną nazwę.</translation>
        </message>
        <message>
            <source>Account name must not be empty.</source>
            <translation>Nazwa konta nie może być pusta.</translation>
        </message>
        <message>
            <source>Account name must be at most {limit} characters.</source>
            <translation>Nazwa konta może mieć najwyżej {limit} znaków.</translation>
        </message>
        <message>
            <source>The {label} must not be empty.</source>
            <translation>Pole „{label}” nie może być puste.</translation>
        </message>
        <message>
            <source>Account {name} already hosts Instagram images; only one may.</source>
            <translation>Konto {name} już przechowuje obrazy dla Instagrama; może to robić tylko jedno.</translation>
        </message>
        <message>
            <source>Account {name} has {count} post(s) being published or to check: wait for them or resolve them first.</source>
            <translation>Konto {name} ma posty w trakcie publikowania lub do sprawdzenia (liczba: {count}): najpierw poczekaj na nie albo je rozstrzygnij.</translation>
        </message>
        <message>
            <source>Account {name} still has {count} post(s) waiting or to check: cancel or finish them first.</source>
            <translation>Konto {name} ma jeszcze posty oczekujące lub do sprawdzenia (liczba: {count}): najpierw je anuluj albo zakończ.</translation>
        </message>
        <message>
            <source>This account was removed meanwhile.</source>
            <translation>To konto zostało w międzyczasie usunięte.</translation>
        </message>
        <message>
            <source>Start at login: could not write {path} ({reason}).</source>
            <translation>Uruchamianie po zalogowaniu: nie udało się zapisać {path} ({reason}).</translation>
        </message>
        <message>
            <source>Start at login: could not remove {path} ({reason}).</source>
            <translation>Uruchamianie po zalogowaniu: nie udało się usunąć {path} ({reason}).</translation>
        </message>
        <message>
            <source>No system keyring is available to keep account secrets. Install and start one (GNOME Keyring, KWallet or KeePassXC's Secret Service on Linux; it is built into macOS and Windows), then try again. Secrets are never stored in plain text.</source>
            <translation>Brak systemowego magazynu haseł, w którym można przechowywać sekrety kont. Zainstaluj i uruchom taki magazyn (w Linuksie GNOME Keyring, KWallet albo Secret Service w KeePassXC; w macOS i Windows jest wbudowany), a potem spróbuj ponownie. Sekrety nigdy nie są zapisywane otwartym tekstem.</translation>
        </message>
        <message>
            <source>The system keyring is locked. Unlock it (log in to your desktop session or open your keyring manager), then try again.</source>
            <translation>Systemowy magazyn haseł jest zablokowany. Odblokuj go (zaloguj się do sesji pulpitu albo otwórz menedżer haseł), a potem spróbuj ponownie.</translation>
        </message>
        <message>
            <source>The system keyring could not be opened: its unlock prompt was dismissed or no prompt could be shown. Unlock the keyring, then try again.</source>
            <translation>Nie udało się otworzyć systemowego magazynu haseł: okno odblokowania zostało zamknięte albo nie mogło się pojawić. Odblokuj magazyn haseł, a potem spróbuj ponownie.</translation>
        </message>
        <message>
            <source>The system keyring failed ({failure}). Check that it is running and unlocked, then try again.</source>
            <translation>Błąd systemowego magazynu haseł ({failure}). Sprawdź, czy działa i jest odblokowany, a potem spróbuj ponownie.</translation>
        </message>
        <message>
            <source>The secret is empty.</source>
            <translation>Sekret jest pusty.</translation>
        </message>
        <message>
            <source>The {label} of account {account!r} is missing from the keyring: {advice}.</source>
            <translation>W magazynie haseł brakuje sekretu „{label}” konta {account!r}: {advice}.</translation>
        </message>
        <message>
            <source>Post {id}: {what}, but the database could not record it ({reason}). The post is not sent again: it shows as publishing until this is recorded, or asks you to check it after a restart.</source>
            <translation>Post {id}: {what}, ale baza danych nie mogła tego zapisać ({reason}). Post nie zostanie wysłany ponownie: jest widoczny jako publikowany, dopóki nie uda się tego zapisać, a po ponownym uruchomieniu poprosi o sprawdzenie.</translation>
        </message>
        <message>
            <source>Post {id} is being published right now; its result shows in the queue.</source>
            <translation>Post {id} jest właśnie publikowany; jego wynik pojawi się w kolejce.</translation>
        </message>
        <message>
            <source>Post {id} is {status}; only scheduled or queued posts can be published now.</source>
            <translation>Post {id} nie jest już zaplanowany ani w kolejce: teraz można opublikować tylko takie posty.</translation>
        </message>
        <message>
            <source>Gave up after {count} attempts. Last error: {error}</source>
            <translation>Zrezygnowano po {count} próbach. Ostatni błąd: {error}</translation>
        </message>
        <message>
            <source>Still rate-limited {hold} after its time. Last error: {error}</source>
            <translation>Limit zapytań nadal obowiązuje długo po wyznaczonym czasie. Ostatni błąd: {error}</translation>
        </message>
        <message>
            <source>{error} Trying again at {time}.</source>
            <translation>{error} Kolejna próba: {time}.</translation>
        </message>
        <message>
            <source>Not published: it was due at {due}, but Desktop Publisher was not running or the computer was asleep until {now} — more than {minutes} min late. Reschedule it or publish it now.</source>
            <translation>Nie opublikowano: termin był {due}, ale Desktop Publisher nie działał lub komputer był uśpiony do {now} — ponad {minutes} min spóźnienia. Zaplanuj go ponownie lub opublikuj teraz.</translation>
        </message>
        <message>
            <source>A publish call started at {started} never finished (the app stopped or the network hung), so the post may or may not be online. Check the account, then retry or cancel.</source>
            <translation>Publikacja rozpoczęta {started} nigdy się nie zakończyła (aplikacja została zatrzymana lub sieć się zawiesiła), więc post mógł, ale nie musiał się ukazać. Sprawdź konto, a potem ponów lub anuluj.</translation>
        </message>
        <message>
            <source>Desktop Publisher stopped while this post was being sent (at {started}), so it may or may not be online. Check the account, then retry or cancel.</source>
            <translation>Desktop Publisher zatrzymał się podczas wysyłania tego postu ({started}), więc post mógł, ale nie musiał się ukazać. Sprawdź konto, a potem ponów lub anuluj.</translation>
        </message>
        <message>
            <source>Could not prepare the post: {error}</source>
            <translation>Nie udało się przygotować postu: {error}</translation>
        </message>
        <message>
            <source>Unexpected error ({error}); the post may or may not have been published. Check the account, then retry or cancel.</source>
            <translation>Nieoczekiwany błąd ({error}); post mógł, ale nie musiał zostać opublikowany. Sprawdź konto, a potem ponów lub anuluj.</translation>
        </message>
        <message>
            <source>.env file: {path} cannot be read ({reason}).</source>
            <translation>Plik .env: nie można odczytać {path} ({reason}).</translation>
        </message>
        <message>
            <source>Post {id} cannot be changed: it is already published. {url}</source>
            <translation>Nie można zmienić posta {id}: jest już opublikowany. {url}</translation>
        </message>
        <message>
            <source>Post {id} cannot be changed: it is being published right now.</source>
            <translation>Nie można zmienić posta {id}: właśnie jest publikowany.</translation>
        </message>
        <message>
            <source>Post {id} cannot be changed: it is cancelled.</source>
            <translation>Nie można zmienić posta {id}: jest anulowany.</translation>
        </message>
        <message>
            <source>Post {id} cannot be changed: its last attempt may have gone out. Check the account, then use Retry (if it did not appear) or Cancel.</source>
            <translation>Nie można zmienić posta {id}: jego ostatnia próba mogła zostać opublikowana. Sprawdź konto, a potem użyj „Ponów” (jeśli post się nie pojawił) albo „Anuluj post”.</translation>
        </message>
        <message>
            <source>Post {id} cannot be changed: it has failed. Use Retry or Reschedule.</source>
            <translation>Nie można zmienić posta {id}: publikacja się nie powiodła. Użyj „Ponów” albo „Zmień termin”.</translation>
        </message>
        <message>
            <source>Post {id} cannot be changed: it is scheduled and has not been tried yet.</source>
            <translation>Nie można zmienić posta {id}: jest zaplanowany i nie było jeszcze próby publikacji.</translation>
        </message>
        <message>
            <source>Post {id} cannot be changed: it is queued for publishing.</source>
            <translation>Nie można zmienić posta {id}: czeka w kolejce do publikacji.</translation>
        </message>
        <message>
            <source>this computer (a loopback address)</source>
            <translation>ten komputer (adres pętli zwrotnej)</translation>
        </message>
        <message>
            <source>{reason}, {address}</source>
            <translation>{reason}, {address}</translation>
        </message>
        <message>
            <source>a link-local address (such as a cloud metadata service)</source>
            <translation>adres lokalny łącza (np. usługa metadanych chmury)</translation>
        </message>
        <message>
            <source>a multicast address</source>
            <translation>adres grupowy (multicast)</translation>
        </message>
        <message>
            <source>an unspecified address</source>
            <translation>adres nieokreślony</translation>
        </message>
        <message>
            <source>a private network address</source>
            <translation>adres sieci prywatnej</translation>
        </message>
        <message>
            <source>an address that is not on the public internet</source>
            <translation>adres spoza publicznego internetu</translation>
        </message>
        <message>
            <source>Media: {file} is larger than {mb} MB, the most {platform} accepts; replace it with a smaller image.</source>
            <translation>Media: {file} ma więcej niż {mb} MB, czyli najwięcej, ile przyjmuje {platform}; zastąp go mniejszym obrazem.</translation>
        </message>
        <message>
            <source>Media: {file} is not a regular file (a folder, device or pipe); replace it with an image file.</source>
            <translation>Media: {file} nie jest zwykłym plikiem (to folder, urządzenie albo potok); zastąp go plikiem obrazu.</translation>
        </message>
        <message>
            <source> {label} said: {said}</source>
            <translation> Odpowiedź {label}: {said}</translation>
        </message>
        <message>
            <source>The token of account {account!r} belongs to {owner}, not to the Page {page}. Posting needs the Page access token: get it with GET /me/accounts using a user token that has pages_manage_posts and pages_read_engagement, then reconnect the account with it ({advice}).</source>
            <translation>Token konta {account!r} należy do: {owner}, a nie do strony {page}. Publikowanie wymaga tokenu dostępu strony: pobierz go przez GET /me/accounts tokenem użytkownika z uprawnieniami pages_manage_posts i pages_read_engagement, a potem połącz konto ponownie tym tokenem ({advice}).</translation>
        </message>
        <message>
            <source>Facebook refused to post as the Page while {step} (#{code}): the token of account {account!r} is probably a user access token, or lacks the pages_manage_posts and pages_read_engagement permissions. Posting needs the Page access token: get it with GET /me/accounts using a user token that has pages_manage_posts and pages_read_engagement, then reconnect the account with it ({advice}).</source>
            <translation>Facebook nie pozwolił publikować jako strona podczas etapu: {step} (#{code}): token konta {account!r} jest prawdopodobnie tokenem użytkownika albo nie ma uprawnień pages_manage_posts i pages_read_engagement. Publikowanie wymaga tokenu dostępu strony: pobierz go przez GET /me/accounts tokenem użytkownika z uprawnieniami pages_manage_posts i pages_read_engagement, a potem połącz konto ponownie tym tokenem ({advice}).</translation>
        </message>
        <message>
            <source>Page ID {page!r} of account {account!r} is not valid: a Page ID is a number (Page settings → About, or GET /me/accounts).</source>
            <translation>Identyfikator strony {page!r} konta {account!r} jest nieprawidłowy: identyfikator strony to liczba (ustawienia strony → Informacje albo GET /me/accounts).</translation>
        </message>
        <message>
            <source>Facebook answered an upload without the id of the photo; trying again later.</source>
            <translation>Facebook odpowiedział na wysyłkę bez identyfikatora zdjęcia; ponowna próba później.</translation>
        </message>
        <message>
            <source>Facebook answered without the id of the post, so it may or may not have been published. Check the Page, then retry or cancel.</source>
            <translation>Facebook odpowiedział bez identyfikatora posta, więc post mógł zostać opublikowany albo nie. Sprawdź stronę, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>{label} refused the connection test while {step} (HTTP {status}): check the account's settings and its token, then test again ({advice}).{detail}</source>
            <translation>{label} odrzucił test połączenia podczas etapu: {step} (HTTP {status}): sprawdź ustawienia konta i jego token, a potem przetestuj ponownie ({advice}).{detail}</translation>
        </message>
        <message>
            <source>Graph API version {version!r} is not valid: set graph_version to a version such as v25.0.</source>
            <translation>Wersja Graph API {version!r} jest nieprawidłowa: ustaw graph_version na wersję taką jak v25.0.</translation>
        </message>
        <message>
            <source>no longer works because the app was removed from the account</source>
            <translation>już nie działa, bo aplikację usunięto z konta</translation>
        </message>
        <message>
            <source>is blocked until the user logs in to Facebook and passes a security checkpoint</source>
            <translation>jest zablokowany, dopóki użytkownik nie zaloguje się na Facebooku i nie przejdzie kontroli bezpieczeństwa</translation>
        </message>
        <message>
            <source>stopped working because the Facebook password was changed</source>
            <translation>przestał działać, bo zmieniono hasło do Facebooka</translation>
        </message>
        <message>
            <source>has expired</source>
            <translation>wygasł</translation>
        </message>
        <message>
            <source>belongs to a user who has not confirmed the account</source>
            <translation>należy do użytkownika, który nie potwierdził konta</translation>
        </message>
        <message>
            <source>is not valid</source>
            <translation>jest nieprawidłowy</translation>
        </message>
        <message>
            <source>belongs to a user who no longer has a role on the Page</source>
            <translation>należy do użytkownika, który nie ma już roli na stronie</translation>
        </message>
        <message>
            <source>was not accepted</source>
            <translation>nie został przyjęty</translation>
        </message>
        <message>
            <source>The Graph API address {base} redirected elsewhere (HTTP {status}) while {step}: check DESKTOP_PUBLISHER_GRAPH_URL.</source>
            <translation>Adres Graph API {base} przekierował gdzie indziej (HTTP {status}) podczas etapu: {step}: sprawdź DESKTOP_PUBLISHER_GRAPH_URL.</translation>
        </message>
        <message>
            <source>{host} answered HTTP 429 (too many requests) while {step}.</source>
            <translation>{host} odpowiedział HTTP 429 (za dużo zapytań) podczas etapu: {step}.</translation>
        </message>
        <message>
            <source>{host} answered HTTP {status} ({content_type}) instead of {label}'s answer after the post was sent, so it may or may not have been published. Check the account, then retry or cancel.</source>
            <translation>{host} odpowiedział HTTP {status} ({content_type}) zamiast odpowiedzi {label} po wysłaniu posta, więc post mógł zostać opublikowany albo nie. Sprawdź konto, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>While {step}, {host} answered HTTP {status} with something that is not the Graph API ({content_type}): a proxy or firewall may be in the way. Trying again later.</source>
            <translation>Podczas etapu: {step} {host} odpowiedział HTTP {status} czymś, co nie jest Graph API ({content_type}): może przeszkadzać serwer proxy albo zapora. Kolejna próba później.</translation>
        </message>
        <message>
            <source>{label} says the access token of account {account!r} {reason} ({tag}). Reconnect the account with a new token ({advice}).</source>
            <translation>Według {label} token dostępu konta {account!r} {reason} ({tag}). Połącz konto ponownie z nowym tokenem ({advice}).</translation>
        </message>
        <message>
            <source>{label}'s request limit was reached while {step} ({tag}): {said}</source>
            <translation>Osiągnięto limit zapytań {label} podczas etapu: {step} ({tag}): {said}</translation>
        </message>
        <message>
            <source>{label} rejected the post while {step} ({tag}). Edit the post, then retry. {label} said: {said}</source>
            <translation>{label} odrzucił post podczas etapu: {step} ({tag}). Popraw post, a potem ponów. Odpowiedź {label}: {said}</translation>
        </message>
        <message>
            <source> ({tag}) {label} said: {said}</source>
            <translation> ({tag}) Odpowiedź {label}: {said}</translation>
        </message>
        <message>
            <source>{label} has temporarily blocked posting from this account for breaking a policy ({tag}); this usually lasts hours. Wait, check the account's notices, then retry. {label} said: {said}</source>
            <translation>{label} tymczasowo zablokował publikowanie z tego konta za naruszenie zasad ({tag}); zwykle trwa to kilka godzin. Poczekaj, sprawdź powiadomienia konta, a potem ponów. Odpowiedź {label}: {said}</translation>
        </message>
        <message>
            <source>{label} refused the permission while {step} ({tag}): reconnect the account with a token that has the publishing permissions. {label} said: {said}</source>
            <translation>{label} odmówił uprawnień podczas etapu: {step} ({tag}): połącz konto ponownie tokenem z uprawnieniami do publikowania. Odpowiedź {label}: {said}</translation>
        </message>
        <message>
            <source>{label} answered with an error after the post was sent ({tag}, HTTP {status}), so it may or may not have been published. Check the account, then retry or cancel.</source>
            <translation>{label} odpowiedział błędem po wysłaniu posta ({tag}, HTTP {status}), więc post mógł zostać opublikowany albo nie. Sprawdź konto, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>{label} had a temporary problem while {step} ({tag}): {said}</source>
            <translation>{label} miał chwilowy problem podczas etapu: {step} ({tag}): {said}</translation>
        </message>
        <message>
            <source>{label} refused the post as a duplicate of the previous one ({tag}). Change the text to publish it again.</source>
            <translation>{label} odrzucił post jako duplikat poprzedniego ({tag}). Zmień tekst, aby opublikować go ponownie.</translation>
        </message>
        <message>
            <source>{label} could not read the link of the post ({tag}): check that the link opens in a browser, then retry.</source>
            <translation>{label} nie mógł odczytać linku posta ({tag}): sprawdź, czy link otwiera się w przeglądarce, a potem ponów.</translation>
        </message>
        <message>
            <source>{label} refused the request while {step} ({tag}): {said}</source>
            <translation>{label} odrzucił żądanie podczas etapu: {step} ({tag}): {said}</translation>
        </message>
        <message>
            <source>The {what} {url} uses plain http://; use https:// (http is accepted only for localhost).</source>
            <translation>Adres {url} ({what}) używa zwykłego http://; użyj https:// (http jest dozwolone tylko dla localhost).</translation>
        </message>
        <message>
            <source>The {what} {url} is not a valid https:// URL.</source>
            <translation>Adres {url} ({what}) nie jest prawidłowym adresem https://.</translation>
        </message>
        <message>
            <source>The secure connection to {host} failed ({reason}): the server's certificate is not trusted.</source>
            <translation>Bezpieczne połączenie z {host} nie powiodło się ({reason}): certyfikat serwera nie jest zaufany.</translation>
        </message>
        <message>
            <source>Could not connect to {host}: check the network connection.</source>
            <translation>Nie można połączyć się z {host}: sprawdź połączenie z siecią.</translation>
        </message>
        <message>
            <source>The connection to {host} broke after the post was sent, so it may or may not have been published. Check the account, then retry or cancel.</source>
            <translation>Połączenie z {host} zerwało się po wysłaniu posta, więc post mógł zostać opublikowany albo nie. Sprawdź konto, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>The connection to {host} broke ({reason}).</source>
            <translation>Połączenie z {host} zerwało się ({reason}).</translation>
        </message>
        <message>
            <source>{host} answered with more than {mb} MB, which is not an answer of its API: a proxy or a wrong address may be in the way.</source>
            <translation>{host} odpowiedział ponad {mb} MB danych, co nie jest odpowiedzią jego API: może przeszkadzać serwer pośredniczący albo błędny adres.</translation>
        </message>
        <message>
            <source>{host} did not finish answering within {seconds} s after the post was sent, so it may or may not have been published. Check the account, then retry or cancel.</source>
            <translation>{host} nie dokończył odpowiedzi w ciągu {seconds} s po wysłaniu posta, więc post mógł zostać opublikowany albo nie. Sprawdź konto, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>{host} did not finish answering within {seconds} s (a stalled or very slow connection).</source>
            <translation>{host} nie dokończył odpowiedzi w ciągu {seconds} s (połączenie zawieszone albo bardzo wolne).</translation>
        </message>
        <message>
            <source>Media: the image {image} is larger than {mb} MB; use a smaller image.</source>
            <translation>Media: obraz {image} ma więcej niż {mb} MB; użyj mniejszego obrazu.</translation>
        </message>
        <message>
            <source>Media: the image address {image} points to {reason}; images are fetched only from public internet addresses. Use a public address or a file on this computer.</source>
            <translation>Media: adres obrazu {image} wskazuje na: {reason}; obrazy są pobierane tylko z publicznych adresów internetowych. Użyj publicznego adresu albo pliku na tym komputerze.</translation>
        </message>
        <message>
            <source>Could not look up the server of the image {image}: check the network connection and the address.</source>
            <translation>Nie można odnaleźć serwera obrazu {image}: sprawdź połączenie z siecią i adres.</translation>
        </message>
        <message>
            <source>Media: the image address {image} redirects more than {count} times; use the image's own address.</source>
            <translation>Media: adres obrazu {image} przekierowuje więcej niż {count} razy; użyj bezpośredniego adresu obrazu.</translation>
        </message>
        <message>
            <source>The server of the image {image} is busy (HTTP {status}).</source>
            <translation>Serwer obrazu {image} jest zajęty (HTTP {status}).</translation>
        </message>
        <message>
            <source>Media: could not download the image {image} (HTTP {status}); check the link or use a file on this computer.</source>
            <translation>Media: nie można pobrać obrazu {image} (HTTP {status}); sprawdź link albo użyj pliku na tym komputerze.</translation>
        </message>
        <message>
            <source>Media: could not read the image {image} ({reason}); check that the file still exists.</source>
            <translation>Media: nie można odczytać obrazu {image} ({reason}); sprawdź, czy plik nadal istnieje.</translation>
        </message>
        <message>
            <source>downloading the image took too long</source>
            <translation>pobieranie obrazu trwało za długo</translation>
        </message>
        <message>
            <source>the image could not be downloaded from its address</source>
            <translation>nie udało się pobrać obrazu z jego adresu</translation>
        </message>
        <message>
            <source>the image is larger than 8 MB</source>
            <translation>obraz jest większy niż 8 MB</translation>
        </message>
        <message>
            <source>the image format is not supported (JPEG only)</source>
            <translation>format obrazu nie jest obsługiwany (tylko JPEG)</translation>
        </message>
        <message>
            <source>the aspect ratio is outside 4:5 … 1.91:1</source>
            <translation>proporcje obrazu są poza zakresem 4:5 … 1.91:1</translation>
        </message>
        <message>
            <source>the caption is too long</source>
            <translation>podpis jest za długi</translation>
        </message>
        <message>
            <source>the image could not be processed</source>
            <translation>nie udało się przetworzyć obrazu</translation>
        </message>
        <message>
            <source>{reason}. </source>
            <translation>{reason}. </translation>
        </message>
        <message>
            <source>Instagram has not finished preparing the image; publishing is tried again later.</source>
            <translation>Instagram nie skończył przygotowywać obrazu; publikacja zostanie ponowiona później.</translation>
        </message>
        <message>
            <source>Instagram's daily publishing limit is used up. The post is held and goes out when the limit frees.</source>
            <translation>Dzienny limit publikacji Instagrama został wyczerpany. Post czeka i zostanie wysłany, gdy limit się zwolni.</translation>
        </message>
        <message>
            <source>Instagram has restricted this account ({code}/{subcode}): check the account in the Instagram app. Instagram said: {said}</source>
            <translation>Instagram ograniczył to konto ({code}/{subcode}): sprawdź konto w aplikacji Instagram. Odpowiedź Instagrama: {said}</translation>
        </message>
        <message>
            <source>Instagram rejected the post while {step} ({code}/{subcode}): {why}Edit the post, then retry. Instagram said: {said}</source>
            <translation>Instagram odrzucił post podczas etapu: {step} ({code}/{subcode}): {why}Popraw post, a potem ponów. Odpowiedź Instagrama: {said}</translation>
        </message>
        <message>
            <source>Instagram had a temporary problem while {step} ({code}/{subcode}): {said}</source>
            <translation>Instagram miał chwilowy problem podczas etapu: {step} ({code}/{subcode}): {said}</translation>
        </message>
        <message>
            <source>{file}: Instagram needs the image at a public https:// address, and no media host is available; use an https:// image address, or mark a public WordPress account as media host ({advice}) so local images are uploaded there first.</source>
            <translation>{file}: Instagram potrzebuje obrazu pod publicznym adresem https://, a żaden serwer mediów nie jest dostępny; użyj adresu obrazu https:// albo oznacz publiczne konto WordPress jako serwer mediów ({advice}), aby lokalne obrazy były najpierw tam wysyłane.</translation>
        </message>
        <message>
            <source>it could not be prepared</source>
            <translation>nie udało się go przygotować</translation>
        </message>
        <message>
            <source>Instagram account ID {id!r} of account {account!r} is not valid: it is a number (GET /me/accounts?fields=instagram_business_account).</source>
            <translation>Identyfikator konta Instagram {id!r} konta {account!r} jest nieprawidłowy: to liczba (GET /me/accounts?fields=instagram_business_account).</translation>
        </message>
        <message>
            <source>Instagram's daily publishing limit is used up ({used} of {total} posts in 24 hours). The post is held and goes out when the limit frees.</source>
            <translation>Dzienny limit publikacji Instagrama jest wyczerpany ({used} z {total} postów w ciągu 24 godzin). Post czeka i zostanie wysłany, gdy limit się zwolni.</translation>
        </message>
        <message>
            <source>Uploading {file} to the media host failed: {error}</source>
            <translation>Wysyłka {file} na serwer mediów nie powiodła się: {error}</translation>
        </message>
        <message>
            <source>The media host gave {address} for {file}, which Instagram cannot download: the media host site must be public and use https://.</source>
            <translation>Serwer mediów podał dla {file} adres {address}, którego Instagram nie może pobrać: witryna serwera mediów musi być publiczna i używać https://.</translation>
        </message>
        <message>
            <source>Instagram let the prepared post expire (after 24 hours); a new one is made on the next attempt.</source>
            <translation>Przygotowany post wygasł na Instagramie (po 24 godzinach); przy następnej próbie zostanie utworzony nowy.</translation>
        </message>
        <message>
            <source>Instagram is still processing the image after {seconds} seconds; publishing is tried again later.</source>
            <translation>Instagram wciąż przetwarza obraz po {seconds} sekundach; publikacja zostanie ponowiona później.</translation>
        </message>
        <message>
            <source>Instagram answered without an id while {step}; trying again later.</source>
            <translation>Instagram odpowiedział bez identyfikatora podczas etapu: {step}; ponowna próba później.</translation>
        </message>
        <message>
            <source>Instagram could not prepare the post: {reason}. Trying again later.</source>
            <translation>Instagram nie mógł przygotować posta: {reason}. Ponowna próba później.</translation>
        </message>
        <message>
            <source>Instagram could not prepare the post: {reason}. Edit the post, then retry.{detail}</source>
            <translation>Instagram nie mógł przygotować posta: {reason}. Popraw post, a potem ponów.{detail}</translation>
        </message>
        <message>
            <source>has expired (LinkedIn tokens last 60 days)</source>
            <translation>wygasł (tokeny LinkedIn są ważne 60 dni)</translation>
        </message>
        <message>
            <source>was revoked (the app's access was removed on LinkedIn)</source>
            <translation>został unieważniony (dostęp aplikacji usunięto na LinkedIn)</translation>
        </message>
        <message>
            <source> LinkedIn's daily limits reset at midnight UTC.</source>
            <translation> Dzienne limity LinkedIn odnawiają się o północy UTC.</translation>
        </message>
        <message>
            <source>posting as a page needs the w_organization_social permission and an admin or content role on that page</source>
            <translation>publikowanie jako strona wymaga uprawnienia w_organization_social oraz roli administratora lub twórcy treści na tej stronie</translation>
        </message>
        <message>
            <source>posting as a member needs the w_member_social permission</source>
            <translation>publikowanie jako członek wymaga uprawnienia w_member_social</translation>
        </message>
        <message>
            <source>While {step}, {host} answered HTTP {status} with something that is not LinkedIn's API ({content_type}): a proxy or firewall may be in the way. Trying again later; if this persists, check the network and the LinkedIn API address.</source>
            <translation>Podczas etapu: {step} {host} odpowiedział HTTP {status} czymś, co nie jest API LinkedIn ({content_type}): może przeszkadzać serwer proxy albo zapora. Kolejna próba później; jeśli to się powtarza, sprawdź sieć i adres API LinkedIn.</translation>
        </message>
        <message>
            <source>LinkedIn's request limit was reached while {step} (HTTP 429).{when}</source>
            <translation>Osiągnięto limit zapytań LinkedIn podczas etapu: {step} (HTTP 429).{when}</translation>
        </message>
        <message>
            <source>LinkedIn answered HTTP {status} after the post was sent, so it may or may not have been published. Check the account on LinkedIn, then retry or cancel.</source>
            <translation>LinkedIn odpowiedział HTTP {status} po wysłaniu posta, więc post mógł zostać opublikowany albo nie. Sprawdź konto na LinkedIn, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>LinkedIn had a temporary problem while {step} (HTTP {status}).</source>
            <translation>LinkedIn miał chwilowy problem podczas etapu: {step} (HTTP {status}).</translation>
        </message>
        <message>
            <source>LinkedIn says the access token of account {account!r} {reason}. Reconnect the account with a new token ({advice}).</source>
            <translation>Według LinkedIn token dostępu konta {account!r} {reason}. Połącz konto ponownie z nowym tokenem ({advice}).</translation>
        </message>
        <message>
            <source>The LinkedIn API address {base} redirected elsewhere (HTTP {status}) while {step}: check the address setting.</source>
            <translation>Adres API LinkedIn {base} przekierował gdzie indziej (HTTP {status}) podczas etapu: {step}: sprawdź ustawienie adresu.</translation>
        </message>
        <message>
            <source>LinkedIn refused the permission while {step} (HTTP 403): {scope}. Reconnect the account with a token that has it.{detail}</source>
            <translation>LinkedIn odmówił uprawnień podczas etapu: {step} (HTTP 403): {scope}. Połącz konto ponownie tokenem, który je ma.{detail}</translation>
        </message>
        <message>
            <source>LinkedIn rejected the post while {step} (HTTP {status}). Edit the post, then retry.{detail}</source>
            <translation>LinkedIn odrzucił post podczas etapu: {step} (HTTP {status}). Popraw post, a potem ponów.{detail}</translation>
        </message>
        <message>
            <source>LinkedIn answered 'not found' while {step} (HTTP 404): check the author URN and the LinkedIn API address.{detail}</source>
            <translation>LinkedIn odpowiedział „nie znaleziono” podczas etapu: {step} (HTTP 404): sprawdź URN autora i adres API LinkedIn.{detail}</translation>
        </message>
        <message>
            <source>LinkedIn refused the request while {step} (HTTP {status}).{detail}</source>
            <translation>LinkedIn odrzucił żądanie podczas etapu: {step} (HTTP {status}).{detail}</translation>
        </message>
        <message>
            <source>LinkedIn's profile answer did not include the member id; trying again later. If this persists, {advice}.</source>
            <translation>Odpowiedź LinkedIn z profilem nie zawierała identyfikatora członka; ponowna próba później. Jeśli to się powtarza, {advice}.</translation>
        </message>
        <message>
            <source>LinkedIn does not let this token read who you are (/v2/userinfo needs the openid and profile permissions), so the author of the posts is unknown. Give the author URN: {advice}.</source>
            <translation>LinkedIn nie pozwala temu tokenowi odczytać, kim jesteś (/v2/userinfo wymaga uprawnień openid i profile), więc autor postów jest nieznany. Podaj URN autora: {advice}.</translation>
        </message>
        <message>
            <source>{file} is not a JPEG, PNG or GIF image: LinkedIn accepts only those. Replace it with an image in one of these formats.</source>
            <translation>{file} nie jest obrazem JPEG, PNG ani GIF: LinkedIn przyjmuje tylko te formaty. Zastąp go obrazem w jednym z nich.</translation>
        </message>
        <message>
            <source>LinkedIn answered HTTP {status} but did not return the id of the post, so it may or may not have been published. Check the account on LinkedIn, then retry or cancel.</source>
            <translation>LinkedIn odpowiedział HTTP {status}, ale nie zwrócił identyfikatora posta, więc post mógł zostać opublikowany albo nie. Sprawdź konto na LinkedIn, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>LinkedIn says an identical post already exists (probably from the earlier attempt whose answer was lost) but not which one. Check the account on LinkedIn: if the post is there, cancel this one here.</source>
            <translation>Według LinkedIn identyczny post już istnieje (pewnie z wcześniejszej próby, której odpowiedź przepadła), ale nie wiadomo który. Sprawdź konto na LinkedIn: jeśli post tam jest, anuluj ten tutaj.</translation>
        </message>
        <message>
            <source>LinkedIn refused the post as a duplicate of an existing post{where}. Change the text to publish it again.</source>
            <translation>LinkedIn odrzucił post jako duplikat istniejącego posta{where}. Zmień tekst, aby opublikować go ponownie.</translation>
        </message>
        <message>
            <source>LinkedIn refused every API version it should serve today (each month from {oldest} to {newest}) while {step} (HTTP {status}), so nothing was published. LinkedIn may have changed how its versions work: look for an update of Desktop Publisher.{detail}</source>
            <translation>LinkedIn odrzucił każdą wersję API, którą powinien dziś obsługiwać (każdy miesiąc od {oldest} do {newest}), podczas etapu: {step} (HTTP {status}), więc nic nie zostało opublikowane. LinkedIn mógł zmienić działanie wersji: poszukaj aktualizacji Desktop Publisher.{detail}</translation>
        </message>
        <message>
            <source>the application password is wrong or was revoked</source>
            <translation>hasło aplikacji jest błędne albo zostało unieważnione</translation>
        </message>
        <message>
            <source>there is no user with this name</source>
            <translation>nie ma użytkownika o tej nazwie</translation>
        </message>
        <message>
            <source>there is no user with this e-mail address</source>
            <translation>nie ma użytkownika z tym adresem e-mail</translation>
        </message>
        <message>
            <source>application passwords are turned off on this site</source>
            <translation>hasła aplikacji są wyłączone w tej witrynie</translation>
        </message>
        <message>
            <source>application passwords are turned off for this user</source>
            <translation>hasła aplikacji są wyłączone dla tego użytkownika</translation>
        </message>
        <message>
            <source> to {address}</source>
            <translation> do {address}</translation>
        </message>
        <message>
            <source> ({code}){detail}</source>
            <translation> ({code}){detail}</translation>
        </message>
        <message>
            <source>The site {host} answered HTTP {status} with {content_type} instead of the WordPress REST API after the post was sent, so it may or may not have been published. Check the site, then retry or cancel.</source>
            <translation>Witryna {host} odpowiedziała HTTP {status} z treścią {content_type} zamiast REST API WordPressa po wysłaniu posta, więc post mógł zostać opublikowany albo nie. Sprawdź witrynę, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>While {step}, {host} answered HTTP {status} with something that is not the WordPress REST API ({content_type}), at {site}/wp-json/ and at {site}/?rest_route=: a security plugin, proxy or firewall may be in the way, or the Site URL is wrong. Trying again later.</source>
            <translation>Podczas etapu: {step} {host} odpowiedział HTTP {status} czymś, co nie jest REST API WordPressa ({content_type}), pod {site}/wp-json/ i pod {site}/?rest_route=: może przeszkadzać wtyczka bezpieczeństwa, serwer pośredniczący albo zapora, albo adres witryny jest błędny. Ponowna próba później.</translation>
        </message>
        <message>
            <source>WordPress rejected the post while {step} (HTTP {status} {code}). Edit the post, then retry.{detail}{params}</source>
            <translation>WordPress odrzucił post podczas etapu: {step} (HTTP {status} {code}). Popraw post, a potem ponów.{detail}{params}</translation>
        </message>
        <message>
            <source>The site {host} is limiting requests (HTTP 429) while {step}.</source>
            <translation>Witryna {host} ogranicza liczbę żądań (HTTP 429) podczas etapu: {step}.</translation>
        </message>
        <message>
            <source>The site {site} redirected{to} (HTTP {status}) while {step}: set the account's Site URL to the address WordPress really lives at.</source>
            <translation>Witryna {site} przekierowała{to} (HTTP {status}) podczas etapu: {step}: ustaw adres witryny konta na adres, pod którym WordPress naprawdę działa.</translation>
        </message>
        <message>
            <source>The site {host} answered HTTP {status} after the post was sent, so it may or may not have been published. Check the site, then retry or cancel.</source>
            <translation>Witryna {host} odpowiedziała HTTP {status} po wysłaniu posta, więc post mógł zostać opublikowany albo nie. Sprawdź witrynę, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>The site {host} had a temporary problem while {step} (HTTP {status}).</source>
            <translation>Witryna {host} miała chwilowy problem podczas etapu: {step} (HTTP {status}).</translation>
        </message>
        <message>
            <source>WordPress refused the login of user {username!r} on {host}: {reason}. Reconnect the account with a new application password ({advice}).</source>
            <translation>WordPress na {host} odrzucił logowanie użytkownika {username!r}: {reason}. Połącz konto ponownie z nowym hasłem aplikacji ({advice}).</translation>
        </message>
        <message>
            <source>WordPress on {host} answered as if no login was sent (HTTP {status} {code}) although user {username!r} and an application password were. Either the application password is wrong or was revoked, or the web host strips the Authorization header before WordPress sees it. If the password is right, ask the host to pass the header on ({fix}); otherwise reconnect the account with a new application password ({advice}).</source>
            <translation>WordPress na {host} odpowiedział tak, jakby nie wysłano danych logowania (HTTP {status} {code}), choć wysłano użytkownika {username!r} i hasło aplikacji. Albo hasło aplikacji jest błędne lub unieważnione, albo serwer usuwa nagłówek Authorization, zanim zobaczy go WordPress. Jeśli hasło jest dobre, poproś dostawcę hostingu o przekazywanie nagłówka ({fix}); w przeciwnym razie połącz konto ponownie z nowym hasłem aplikacji ({advice}).</translation>
        </message>
        <message>
            <source>WordPress on {host} did not accept the login of user {username!r} (HTTP {status} {code}). Reconnect the account with a new application password ({advice}).{detail}</source>
            <translation>WordPress na {host} nie przyjął logowania użytkownika {username!r} (HTTP {status} {code}). Połącz konto ponownie z nowym hasłem aplikacji ({advice}).{detail}</translation>
        </message>
        <message>
            <source>WordPress user {username!r} is not allowed to do this (HTTP 403 {code}) while {step}: give the user a role that may, or connect another user.{detail}</source>
            <translation>Użytkownik WordPressa {username!r} nie ma do tego uprawnień (HTTP 403 {code}) podczas etapu: {step}: nadaj mu rolę, która to umożliwia, albo połącz innego użytkownika.{detail}</translation>
        </message>
        <message>
            <source>WordPress answered 'not found' while {step} (HTTP 404 {code}): the site's REST API may be turned off or limited by a plugin.{detail}</source>
            <translation>WordPress odpowiedział „nie znaleziono” podczas etapu: {step} (HTTP 404 {code}): REST API witryny może być wyłączone albo ograniczone przez wtyczkę.{detail}</translation>
        </message>
        <message>
            <source>WordPress refused the request while {step} (HTTP {status} {code}).{detail}</source>
            <translation>WordPress odrzucił żądanie podczas etapu: {step} (HTTP {status} {code}).{detail}</translation>
        </message>
        <message>
            <source>WordPress on {host} stored the image but did not say its address.</source>
            <translation>WordPress na {host} zapisał obraz, ale nie podał jego adresu.</translation>
        </message>
        <message>
            <source>Category {name!r} does not exist on {host} and WordPress user {username!r} may not create it (the role lacks manage_categories): create the category in WordPress, or connect an Editor or Administrator.</source>
            <translation>Kategoria {name!r} nie istnieje na {host}, a użytkownik WordPressa {username!r} nie może jej utworzyć (jego rola nie ma manage_categories): utwórz kategorię w WordPressie albo połącz Redaktora lub Administratora.</translation>
        </message>
        <message>
            <source>Tag {name!r} does not exist on {host} and WordPress user {username!r} may not create it (the role lacks manage_categories): create the tag in WordPress, or connect an Editor or Administrator.</source>
            <translation>Tag {name!r} nie istnieje na {host}, a użytkownik WordPressa {username!r} nie może go utworzyć (jego rola nie ma manage_categories): utwórz tag w WordPressie albo połącz Redaktora lub Administratora.</translation>
        </message>
        <message>
            <source>WordPress on {host} answered the login check without the user.</source>
            <translation>WordPress na {host} odpowiedział na sprawdzenie logowania bez danych użytkownika.</translation>
        </message>
        <message>
            <source>WordPress user {username!r} ({roles}) may not publish posts: give the user the Author, Editor or Administrator role, or connect another user.</source>
            <translation>Użytkownik WordPressa {username!r} ({roles}) nie może publikować postów: nadaj mu rolę Autora, Redaktora albo Administratora albo połącz innego użytkownika.</translation>
        </message>
        <message>
            <source>WordPress answered HTTP {status} but did not return the post, so it may or may not have been published. Check the site, then retry or cancel.</source>
            <translation>WordPress odpowiedział HTTP {status}, ale nie zwrócił posta, więc post mógł zostać opublikowany albo nie. Sprawdź witrynę, a potem ponów albo anuluj.</translation>
        </message>
        <message>
            <source>WordPress user {username!r} may not publish posts (a Contributor can only submit them for review): give the user the Author, Editor or Administrator role, or connect another user.</source>
            <translation>Użytkownik WordPressa {username!r} nie może publikować postów (Współpracownik może je tylko przesłać do recenzji): nadaj mu rolę Autora, Redaktora albo Administratora albo połącz innego użytkownika.</translation>
        </message>
        <message>
            <source>Account {account!r} has no Site URL: edit the account and set it.</source>
            <translation>Konto {account!r} nie ma adresu witryny: edytuj konto i ustaw go.</translation>
        </message>
        <message>
            <source>Media: {file} is not a JPEG, PNG, GIF or WebP image; replace it with one.</source>
            <translation>Media: {file} nie jest obrazem JPEG, PNG, GIF ani WebP; zastąp go takim obrazem.</translation>
        </message>
        <message>
            <source>Time: {when} is more than ten years ahead; choose an earlier time.</source>
            <translation>Czas: {when} wypada ponad dziesięć lat od dziś; wybierz wcześniejszy termin.</translation>
        </message>
        <message>
            <source>Accounts: choose at least one account.</source>
            <translation>Konta: wybierz co najmniej jedno konto.</translation>
        </message>
        <message>
            <source>Accounts: each account may be chosen once.</source>
            <translation>Konta: każde konto można wybrać tylko raz.</translation>
        </message>
        <message>
            <source>Time: choose when the post goes out.</source>
            <translation>Czas: wybierz, kiedy post ma zostać opublikowany.</translation>
        </message>
        <message>
            <source>Time: {when} is in the past; choose a later time.</source>
            <translation>Czas: {when} jest w przeszłości; wybierz późniejszy termin.</translation>
        </message>
        <message>
            <source>No draft with id {id}: it may have been deleted.</source>
            <translation>Nie ma szkicu o numerze {id}: mógł zostać usunięty.</translation>
        </message>
        <message>
            <source>This draft has been deleted meanwhile; save it as a new one.</source>
            <translation>Ten szkic został w międzyczasie usunięty; zapisz go jako nowy.</translation>
        </message>
        <message>
            <source>This draft has been scheduled meanwhile; edit the scheduled posts instead.</source>
            <translation>Ten szkic został w międzyczasie zaplanowany; edytuj zamiast tego zaplanowane posty.</translation>
        </message>
        <message>
            <source>No post with id {id}.</source>
            <translation>Nie ma posta o numerze {id}.</translation>
        </message>
        <message>
            <source>This draft has been deleted meanwhile; nothing was scheduled.</source>
            <translation>Ten szkic został w międzyczasie usunięty; niczego nie zaplanowano.</translation>
        </message>
        <message>
            <source>This draft has been scheduled already; nothing was changed.</source>
            <translation>Ten szkic został już zaplanowany; niczego nie zmieniono.</translation>
        </message>
        <message>
            <source>{path} is not a Desktop Publisher database (it is not an SQLite file). It was left untouched: move it away or restore a backup, then start again.</source>
            <translation>{path} nie jest bazą danych Desktop Publisher (to nie jest plik SQLite). Plik pozostał nietknięty: przenieś go gdzie indziej albo przywróć kopię zapasową, a potem uruchom program ponownie.</translation>
        </message>
        <message>
            <source>Cannot open the database {path}: it is at schema version {version}, newer than this app knows ({latest}). Update Desktop Publisher.</source>
            <translation>Nie można otworzyć bazy danych {path}: ma schemat w wersji {version}, nowszej niż zna ta aplikacja ({latest}). Zaktualizuj Desktop Publisher.</translation>
        </message>
        <message>
            <source>Cannot open the database {path}: {reason}.</source>
            <translation>Nie można otworzyć bazy danych {path}: {reason}.</translation>
        </message>
        <message>
            <source>The database {path} must be upgraded for this version of Desktop Publisher, but its folder is read-only, so it cannot be upgraded (nor read before it is). Make the data folder writable and run any command once (the upgrade keeps a backup).</source>
            <translation>Bazę danych {path} trzeba zaktualizować dla tej wersji Desktop Publisher, ale jej folder jest tylko do odczytu, więc nie da się jej zaktualizować (ani odczytać przed aktualizacją). Umożliw zapis w folderze danych i uruchom raz dowolne polecenie (aktualizacja zachowuje kopię zapasową).</translation>
        </message>
        <message>
            <source>The disk holding the data folder {folder} is full, so Desktop Publisher cannot save anything there. The database is fine and nothing was changed: free some space on that disk, then try again.</source>
            <translation>Dysk z folderem danych {folder} jest pełny, więc Desktop Publisher nie może niczego na nim zapisać. Baza danych jest w porządku i nic nie zostało zmienione: zwolnij trochę miejsca na tym dysku i spróbuj ponownie.</translation>
        </message>
        <message>
            <source>The data folder {folder} is read-only, so nothing can be changed there. Make it writable again (e.g. remount its disk read-write), or copy the folder somewhere writable and use it with --data-dir. Commands that only read (status, post list, post show, account list) still work.</source>
            <translation>Folder danych {folder} jest tylko do odczytu, więc nic nie może się w nim zmienić. Przywróć możliwość zapisu (np. zamontuj dysk ponownie w trybie do zapisu) albo skopiuj folder w miejsce z prawem zapisu i użyj go z --data-dir. Polecenia, które tylko czytają (status, post list, post show, account list), nadal działają.</translation>
        </message>
        <message>
            <source>Permission denied on {path} or its folder: the user running Desktop Publisher may not read and write there. Give that user access to the data folder {folder} (its owner and permissions), or use another data folder with --data-dir.</source>
            <translation>Brak uprawnień do {path} lub jego folderu: użytkownik, który uruchamia Desktop Publisher, nie może tam czytać ani zapisywać. Daj temu użytkownikowi dostęp do folderu danych {folder} (właściciel i uprawnienia) albo użyj innego folderu danych z --data-dir.</translation>
        </message>
        <message>
            <source>The database {path} is locked by another program, which kept it busy for longer than Desktop Publisher waits. Close that program (a database browser, a backup or sync tool), then try again. Nothing was changed.</source>
            <translation>Baza danych {path} jest zablokowana przez inny program, który zajmował ją dłużej, niż Desktop Publisher czeka. Zamknij ten program (przeglądarkę baz danych, narzędzie do kopii zapasowych lub synchronizacji) i spróbuj ponownie. Nic nie zostało zmienione.</translation>
        </message>
        <message>
            <source>The database {path} is damaged ({reason}). It was left untouched. Restore a backup: the files named publisher.db.v*.bak beside it hold the database as it was before each upgrade; copy the newest over publisher.db while Desktop Publisher is closed.</source>
            <translation>Baza danych {path} jest uszkodzona ({reason}). Pozostawiono ją bez zmian. Przywróć kopię zapasową: pliki o nazwach publisher.db.v*.bak obok niej zawierają bazę sprzed każdej aktualizacji; przy zamkniętym Desktop Publisher skopiuj najnowszy w miejsce publisher.db.</translation>
        </message>
        <message>
            <source>{path} is a folder, but Desktop Publisher keeps its database in a file of that name. That folder is not Desktop Publisher's: move or rename it, or use another data folder with --data-dir.</source>
            <translation>{path} jest folderem, a Desktop Publisher trzyma bazę danych w pliku o tej nazwie. Ten folder nie należy do Desktop Publisher: przenieś go lub zmień jego nazwę albo użyj innego folderu danych z --data-dir.</translation>
        </message>
        <message>
            <source>{folder} is a file, not a folder, so it cannot be the data folder. Use another data folder (--data-dir or DESKTOP_PUBLISHER_DATA_DIR), or move that file away.</source>
            <translation>{folder} jest plikiem, a nie folderem, więc nie może być folderem danych. Użyj innego folderu danych (--data-dir lub DESKTOP_PUBLISHER_DATA_DIR) albo przenieś ten plik gdzie indziej.</translation>
        </message>
        <message>
            <source>The database file {path} was deleted or replaced while it was open. Quit every Desktop Publisher window and stop `desktop-publisher run`, then start again.</source>
            <translation>Plik bazy danych {path} został usunięty lub podmieniony, gdy był otwarty. Zamknij wszystkie okna Desktop Publisher i zatrzymaj `desktop-publisher run`, a potem uruchom program ponownie.</translation>
        </message>
        <message>
            <source>The disk holding {path} reported an error ({reason}). Check the disk (is it still connected? does the system report errors for it?), then try again. The database was left untouched.</source>
            <translation>Dysk z {path} zgłosił błąd ({reason}). Sprawdź dysk (czy jest nadal podłączony? czy system zgłasza dla niego błędy?) i spróbuj ponownie. Baza danych pozostała bez zmian.</translation>
        </message>
        <message>
            <source>The database {path} cannot be used ({reason}). It was left untouched.</source>
            <translation>Nie można użyć bazy danych {path} ({reason}). Pozostawiono ją bez zmian.</translation>
        </message>
        <message>
            <source>Cannot use {folder} as the data folder ({reason}).</source>
            <translation>Nie można użyć {folder} jako folderu danych ({reason}).</translation>
        </message>
        <message>
            <source>{field}: {when} is out of range; give a time between now and ten years from now.</source>
            <translation>{field}: {when} jest poza zakresem; podaj czas od teraz do dziesięciu lat naprzód.</translation>
        </message>
    </context>
    <context>
        <name>KeyringDialog</name>
        <message>
            <source>System keyring unavailable</source>
            <translation>Systemowy magazyn haseł niedostępny</translation>
        </message>
        <message>
            <source>Account secrets cannot be read or saved right now</source>
            <translation>Nie można teraz odczytać ani zapisać sekretów kont</translation>
        </message>
        <message>
            <source>Your posts and accounts are safe. Secrets are never written to a file, so publishing waits until the keyring can be used.</source>
            <translation>Twoje posty i konta są bezpieczne. Sekrety nigdy nie są zapisywane w pliku, więc publikowanie czeka, aż magazyn haseł będzie dostępny.</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Ponów</translation>
        </message>
        <message>
            <source>Open &lt;b&gt;Keychain Access&lt;/b&gt; and unlock the &lt;b&gt;login&lt;/b&gt; keychain, then click Retry.</source>
            <translation>Otwórz &lt;b&gt;Dostęp do pęku kluczy&lt;/b&gt; i odblokuj pęk kluczy &lt;b&gt;login&lt;/b&gt;, a potem kliknij Ponów.</translation>
        </message>
        <message>
            <source>If macOS asks whether Desktop Publisher may use it, choose Allow.</source>
            <translation>Jeśli macOS zapyta, czy Desktop Publisher może z niego korzystać, wybierz Pozwól.</translation>
        </message>
        <message>
            <source>Sign out of Windows and in again; the Windows Credential Manager is then available. Click Retry.</source>
            <translation>Wyloguj się z Windows i zaloguj ponownie; Menedżer poświadczeń Windows będzie wtedy dostępny. Kliknij Ponów.</translation>
        </message>
        <message>
            <source>&lt;b&gt;If it is locked:&lt;/b&gt; unlock it — log in to your desktop session, or open your keyring manager (&lt;i&gt;Passwords and Keys&lt;/i&gt;, &lt;i&gt;KWalletManager&lt;/i&gt;) and unlock it. Then click Retry.</source>
            <translation>&lt;b&gt;Jeśli jest zablokowany:&lt;/b&gt; odblokuj go — zaloguj się do sesji pulpitu albo otwórz menedżer haseł (&lt;i&gt;Hasła i klucze&lt;/i&gt;, &lt;i&gt;KWalletManager&lt;/i&gt;) i go odblokuj. Potem kliknij Ponów.</translation>
        </message>
        <message>
            <source>&lt;b&gt;If none is installed:&lt;/b&gt; install a Secret Service provider such as &lt;b&gt;GNOME Keyring&lt;/b&gt; (package &lt;tt&gt;gnome-keyring&lt;/tt&gt;) or &lt;b&gt;KWallet&lt;/b&gt;, or turn on KeePassXC's Secret Service integration; log out and in again, then click Retry.</source>
            <translation>&lt;b&gt;Jeśli żadnego nie ma:&lt;/b&gt; zainstaluj dostawcę Secret Service, np. &lt;b&gt;GNOME Keyring&lt;/b&gt; (pakiet &lt;tt&gt;gnome-keyring&lt;/tt&gt;) albo &lt;b&gt;KWallet&lt;/b&gt;, lub włącz integrację Secret Service w KeePassXC; wyloguj się i zaloguj ponownie, a potem kliknij Ponów.</translation>
        </message>
        <message>
            <source>If an unlock prompt appeared and was closed, click Retry to be asked again.</source>
            <translation>Jeśli okno odblokowania pojawiło się i zostało zamknięte, kliknij Ponów, aby zobaczyć je znowu.</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>Co zrobić</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Accounts</source>
            <translation>Konta</translation>
        </message>
        <message>
            <source>Accounts shown in the queue</source>
            <translation>Konta pokazywane w kolejce</translation>
        </message>
        <message>
            <source>Untick an account to hide its posts; double-click to show only that one.</source>
            <translation>Odznacz konto, aby ukryć jego posty; kliknij dwukrotnie, aby pokazać tylko je.</translation>
        </message>
        <message>
            <source>The token expired: reconnect the account.</source>
            <translation>Token wygasł: połącz konto ponownie.</translation>
        </message>
        <message>
            <source>Token valid until %1</source>
            <translation>Token ważny do %1</translation>
        </message>
        <message>
            <source>No posts here</source>
            <translation>Brak postów</translation>
        </message>
        <message>
            <source>Nothing matches the range and filters above.</source>
            <translation>Nic nie pasuje do zakresu i filtrów powyżej.</translation>
        </message>
        <message>
            <source>Show all posts</source>
            <translation>Pokaż wszystkie posty</translation>
        </message>
        <message>
            <source>Connect an account to start</source>
            <translation>Połącz konto, aby zacząć</translation>
        </message>
        <message>
            <source>Desktop Publisher publishes to LinkedIn, Facebook Pages, Instagram and WordPress from this computer. Connect the first account: its secret is kept in the system keyring, never in a file. If you used the environment variables of the earlier publishing service, import them.</source>
            <translation>Desktop Publisher publikuje na LinkedIn, stronach na Facebooku, Instagramie i WordPressie z tego komputera. Połącz pierwsze konto: jego sekret jest przechowywany w systemowym pęku kluczy, nigdy w pliku. Jeśli używasz zmiennych środowiskowych wcześniejszej usługi publikowania, zaimportuj je.</translation>
        </message>
        <message>
            <source>Connect an account…</source>
            <translation>Połącz konto…</translation>
        </message>
        <message>
            <source>Import from environment…</source>
            <translation>Importuj ze zmiennych środowiskowych…</translation>
        </message>
        <message>
            <source>Nothing scheduled yet</source>
            <translation>Nic jeszcze nie zaplanowano</translation>
        </message>
        <message>
            <source>Write a post once, adapt it for each platform, and pick when it goes out. It is published on time while Desktop Publisher runs.</source>
            <translation>Napisz post raz, dopasuj go do każdej platformy i wybierz, kiedy ma wyjść. Zostanie opublikowany na czas, gdy Desktop Publisher działa.</translation>
        </message>
        <message>
            <source>Write your first post…</source>
            <translation>Napisz pierwszy post…</translation>
        </message>
        <message>
            <source>The post editor</source>
            <translation>Edytor postów</translation>
        </message>
        <message>
            <source>The accounts dialog</source>
            <translation>Okno kont</translation>
        </message>
        <message>
            <source>The settings dialog</source>
            <translation>Okno ustawień</translation>
        </message>
        <message>
            <source>%1 is not available in this version of Desktop Publisher.</source>
            <translation>%1 nie jest dostępny w tej wersji Desktop Publisher.</translation>
        </message>
        <message>
            <source>Connected: %1</source>
            <translation>Połączono: %1</translation>
        </message>
        <message>
            <source>Updated: %1</source>
            <translation>Zaktualizowano: %1</translation>
        </message>
        <message>
            <source>Incomplete: %1</source>
            <translation>Niekompletne: %1</translation>
        </message>
        <message>
            <source>Import accounts</source>
            <translation>Importuj konta</translation>
        </message>
        <message>
            <source>Nothing to import.</source>
            <translation>Nie ma nic do zaimportowania.</translation>
        </message>
        <message>
            <source>Import the accounts of the earlier publishing service from its variables (LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, …)?</source>
            <translation>Zaimportować konta wcześniejszej usługi publikowania z jej zmiennych (LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, …)?</translation>
        </message>
        <message>
            <source>From this session</source>
            <translation>Z tej sesji</translation>
        </message>
        <message>
            <source>From a .env file…</source>
            <translation>Z pliku .env…</translation>
        </message>
        <message>
            <source>Choose a .env file</source>
            <translation>Wybierz plik .env</translation>
        </message>
        <message>
            <source>Environment files (*.env .env);;All files (*)</source>
            <translation>Pliki środowiska (*.env .env);;Wszystkie pliki (*)</translation>
        </message>
        <message>
            <source>Show posts with status</source>
            <translation>Pokaż posty o statusie</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Wszystkie statusy</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Wymaga uwagi</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Szkice</translation>
        </message>
        <message>
            <source>Show posts for platform</source>
            <translation>Pokaż posty dla platformy</translation>
        </message>
        <message>
            <source>All platforms</source>
            <translation>Wszystkie platformy</translation>
        </message>
        <message>
            <source>From today</source>
            <translation>Od dziś</translation>
        </message>
        <message>
            <source>All posts</source>
            <translation>Wszystkie posty</translation>
        </message>
        <message numerus="yes">
            <source>%Ln post(s)</source>
            <translation>
                <numerusform>%Ln post</numerusform>
                <numerusform>%Ln posty</numerusform>
                <numerusform>%Ln postów</numerusform>
            </translation>
        </message>
        <message>
            <source>Post %1 is %2; only scheduled or queued posts can be published now.</source>
            <translation>Post %1 ma status „%2”; teraz można opublikować tylko posty zaplanowane lub w kolejce.</translation>
        </message>
        <message>
            <source>Post %1 was not published now: it is %2.</source>
            <translation>Post %1 nie został teraz opublikowany: ma status „%2”.</translation>
        </message>
        <message>
            <source>Post %1 changed meanwhile; nothing was recorded.</source>
            <translation>Post %1 zmienił się w międzyczasie; niczego nie zapisano.</translation>
        </message>
        <message>
            <source>Cancel the post to %1 on %2, due %3? It will not be published.</source>
            <translation>Anulować post na %1 (%2) zaplanowany na %3? Nie zostanie opublikowany.</translation>
        </message>
        <message>
            <source>Cancel post</source>
            <translation>Anuluj post</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Zachowaj</translation>
        </message>
        <message>
            <source>Delete draft</source>
            <translation>Usuń szkic</translation>
        </message>
        <message>
            <source>Delete the draft “%1”? This cannot be undone.</source>
            <translation>Usunąć szkic „%1”? Tego nie można cofnąć.</translation>
        </message>
        <message>
            <source>This draft has been scheduled meanwhile; it was kept.</source>
            <translation>Ten szkic został w międzyczasie zaplanowany; zachowano go.</translation>
        </message>
        <message>
            <source>Published by another process (%1)</source>
            <translation>Publikuje inny proces (%1)</translation>
        </message>
        <message>
            <source>Published by another process</source>
            <translation>Publikuje inny proces</translation>
        </message>
        <message>
            <source>Publishing paused</source>
            <translation>Publikowanie wstrzymane</translation>
        </message>
        <message>
            <source>Publishing on</source>
            <translation>Publikowanie włączone</translation>
        </message>
        <message>
            <source>Publishing offline</source>
            <translation>Publikowanie niedostępne</translation>
        </message>
        <message>
            <source>next: %1 %2</source>
            <translation>następny: %1 %2</translation>
        </message>
        <message>
            <source>Times are in %1</source>
            <translation>Czas w strefie %1</translation>
        </message>
        <message>
            <source>The token of %1 (%2) expired on %3: reconnect the account.</source>
            <translation>Token konta %1 (%2) wygasł %3: połącz konto ponownie.</translation>
        </message>
        <message numerus="yes">
            <source>The token of %1 (%2) expires in %n day(s), on %3.</source>
            <translation>
                <numerusform>Token konta %1 (%2) wygasa za %n dzień, %3.</numerusform>
                <numerusform>Token konta %1 (%2) wygasa za %n dni, %3.</numerusform>
                <numerusform>Token konta %1 (%2) wygasa za %n dni, %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The token of %1 (%2) expires on %3, before %n of its scheduled post(s).</source>
            <translation>
                <numerusform>Token konta %1 (%2) wygasa %3, przed %n zaplanowanym postem.</numerusform>
                <numerusform>Token konta %1 (%2) wygasa %3, przed %n zaplanowanymi postami.</numerusform>
                <numerusform>Token konta %1 (%2) wygasa %3, przed %n zaplanowanymi postami.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Publishing %n post(s)…</source>
            <translation>
                <numerusform>Publikowanie %n postu…</numerusform>
                <numerusform>Publikowanie %n postów…</numerusform>
                <numerusform>Publikowanie %n postów…</numerusform>
            </translation>
        </message>
        <message>
            <source>New post…</source>
            <translation>Nowy post…</translation>
        </message>
        <message>
            <source>Write a new post</source>
            <translation>Napisz nowy post</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edytuj…</translation>
        </message>
        <message>
            <source>Edit the selected post</source>
            <translation>Edytuj wybrany post</translation>
        </message>
        <message>
            <source>Duplicate…</source>
            <translation>Duplikuj…</translation>
        </message>
        <message>
            <source>Start a new post from the selected one</source>
            <translation>Zacznij nowy post na podstawie wybranego</translation>
        </message>
        <message>
            <source>Publish now</source>
            <translation>Opublikuj teraz</translation>
        </message>
        <message>
            <source>Publish the selected post now</source>
            <translation>Opublikuj wybrany post teraz</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Ponów</translation>
        </message>
        <message>
            <source>Try a failed post again</source>
            <translation>Ponów nieudany post</translation>
        </message>
        <message>
            <source>Reschedule…</source>
            <translation>Zmień termin…</translation>
        </message>
        <message>
            <source>Choose another time for the selected post</source>
            <translation>Wybierz inny termin dla wybranego postu</translation>
        </message>
        <message>
            <source>Cancel the selected post</source>
            <translation>Anuluj wybrany post</translation>
        </message>
        <message>
            <source>Delete the selected draft</source>
            <translation>Usuń wybrany szkic</translation>
        </message>
        <message>
            <source>Pause publishing</source>
            <translation>Wstrzymaj publikowanie</translation>
        </message>
        <message>
            <source>Accounts…</source>
            <translation>Konta…</translation>
        </message>
        <message>
            <source>Connect and manage accounts</source>
            <translation>Łącz konta i zarządzaj nimi</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Ustawienia…</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Ustawienia</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Szukaj</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Dzień</translation>
        </message>
        <message>
            <source>One day</source>
            <translation>Jeden dzień</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Tydzień</translation>
        </message>
        <message>
            <source>One week</source>
            <translation>Jeden tydzień</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Miesiąc</translation>
        </message>
        <message>
            <source>One month</source>
            <translation>Jeden miesiąc</translation>
        </message>
        <message>
            <source>Upcoming</source>
            <translation>Nadchodzące</translation>
        </message>
        <message>
            <source>From today on</source>
            <translation>Od dziś</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Wszystkie</translation>
        </message>
        <message>
            <source>Every post</source>
            <translation>Każdy post</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Główny</translation>
        </message>
        <message>
            <source>Search posts…</source>
            <translation>Szukaj postów…</translation>
        </message>
        <message>
            <source>Search posts</source>
            <translation>Szukaj postów</translation>
        </message>
        <message>
            <source>Search the text of posts (Ctrl+F)</source>
            <translation>Szukaj w treści postów (Ctrl+F)</translation>
        </message>
        <message>
            <source>Another process publishes for this data folder; pause it there.</source>
            <translation>Dla tego folderu danych publikuje inny proces; wstrzymaj go tam.</translation>
        </message>
        <message>
            <source>Resume publishing</source>
            <translation>Wznów publikowanie</translation>
        </message>
        <message>
            <source>Publish scheduled posts again</source>
            <translation>Znów publikuj zaplanowane posty</translation>
        </message>
        <message>
            <source>Hold every scheduled post until you resume (Publish now still works)</source>
            <translation>Wstrzymaj wszystkie zaplanowane posty do wznowienia („Opublikuj teraz” nadal działa)</translation>
        </message>
        <message>
            <source>Open the published post</source>
            <translation>Otwórz opublikowany post</translation>
        </message>
    </context>
    <context>
        <name>MediaStrip</name>
        <message>
            <source>Images</source>
            <translation>Obrazy</translation>
        </message>
        <message>
            <source>Drop image files or links here</source>
            <translation>Upuść tu pliki obrazów lub linki</translation>
        </message>
        <message>
            <source>Add images…</source>
            <translation>Dodaj obrazy…</translation>
        </message>
        <message>
            <source>Add image link…</source>
            <translation>Dodaj link do obrazu…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Usuń</translation>
        </message>
        <message>
            <source>No images. Add some, or drop image files here.</source>
            <translation>Brak obrazów. Dodaj je albo upuść tu pliki obrazów.</translation>
        </message>
        <message>
            <source>Add images</source>
            <translation>Dodaj obrazy</translation>
        </message>
        <message>
            <source>Images (%1);;All files (*)</source>
            <translation>Obrazy (%1);;Wszystkie pliki (*)</translation>
        </message>
        <message>
            <source>Add image link</source>
            <translation>Dodaj link do obrazu</translation>
        </message>
        <message>
            <source>Address of the image (https://…):</source>
            <translation>Adres obrazu (https://…):</translation>
        </message>
        <message>
            <source>Image link: it must start with https:// (or http://).</source>
            <translation>Link do obrazu: musi zaczynać się od https:// (lub http://).</translation>
        </message>
        <message>
            <source>%1 (file not found)</source>
            <translation>%1 (nie znaleziono pliku)</translation>
        </message>
        <message>
            <source>%1 (not an image this app can read)</source>
            <translation>%1 (obraz w formacie, którego aplikacja nie odczyta)</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <source>Published on %1</source>
            <translation>Opublikowano na %1</translation>
        </message>
        <message>
            <source>%1: the post is online.</source>
            <translation>%1: post jest już online.</translation>
        </message>
        <message numerus="yes">
            <source>%n post(s) published</source>
            <translation>
                <numerusform>Opublikowano %n post</numerusform>
                <numerusform>Opublikowano %n posty</numerusform>
                <numerusform>Opublikowano %n postów</numerusform>
            </translation>
        </message>
        <message>
            <source>Check a post on %1</source>
            <translation>Sprawdź post na %1</translation>
        </message>
        <message>
            <source>Not published on %1</source>
            <translation>Nie opublikowano na %1</translation>
        </message>
        <message numerus="yes">
            <source>%n post(s) need your attention</source>
            <translation>
                <numerusform>%n post wymaga uwagi</numerusform>
                <numerusform>%n posty wymagają uwagi</numerusform>
                <numerusform>%n postów wymaga uwagi</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Platforms</name>
        <message>
            <source>Page ID</source>
            <translation>Identyfikator strony</translation>
        </message>
        <message>
            <source>page access token</source>
            <translation>token dostępu strony</translation>
        </message>
        <message>
            <source>Page access token</source>
            <translation>Token dostępu strony</translation>
        </message>
        <message>
            <source>Instagram account ID</source>
            <translation>Identyfikator konta Instagram</translation>
        </message>
        <message>
            <source>access token</source>
            <translation>token dostępu</translation>
        </message>
        <message>
            <source>Access token</source>
            <translation>Token dostępu</translation>
        </message>
        <message>
            <source>Author URN</source>
            <translation>URN autora</translation>
        </message>
        <message>
            <source>Client ID</source>
            <translation>Identyfikator klienta</translation>
        </message>
        <message>
            <source>Site URL</source>
            <translation>Adres witryny</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nazwa użytkownika</translation>
        </message>
        <message>
            <source>Hosts Instagram images</source>
            <translation>Hostuje obrazy dla Instagrama</translation>
        </message>
        <message>
            <source>application password</source>
            <translation>hasło aplikacji</translation>
        </message>
        <message>
            <source>Application password</source>
            <translation>Hasło aplikacji</translation>
        </message>
    </context>
    <context>
        <name>PostDialogs</name>
        <message>
            <source>Was it published?</source>
            <translation>Czy został opublikowany?</translation>
        </message>
        <message>
            <source>Was this post published on %1? Check %2.</source>
            <translation>Czy ten post został opublikowany na %1? Sprawdź %2.</translation>
        </message>
        <message>
            <source>The connection broke after the post was sent, so Desktop Publisher cannot tell whether %1 received it. Publishing again when it is already online would post it twice.</source>
            <translation>Połączenie zerwało się po wysłaniu postu, więc Desktop Publisher nie wie, czy %1 go otrzymał. Ponowna publikacja, gdy post już jest online, opublikuje go dwa razy.</translation>
        </message>
        <message>
            <source>It was published</source>
            <translation>Został opublikowany</translation>
        </message>
        <message>
            <source>It was not — publish again</source>
            <translation>Nie został — opublikuj ponownie</translation>
        </message>
        <message>
            <source>Link to the post</source>
            <translation>Link do postu</translation>
        </message>
        <message>
            <source>Where is the post on %1? Paste its link (optional):</source>
            <translation>Gdzie jest post na %1? Wklej jego link (opcjonalnie):</translation>
        </message>
        <message>
            <source>A link starts with https:// — paste the post's address, or leave it empty.</source>
            <translation>Link zaczyna się od https:// — wklej adres postu albo zostaw puste.</translation>
        </message>
    </context>
    <context>
        <name>PostEditor</name>
        <message>
            <source>New post</source>
            <translation>Nowy post</translation>
        </message>
        <message>
            <source>Edit draft</source>
            <translation>Edytuj szkic</translation>
        </message>
        <message>
            <source>Edit post</source>
            <translation>Edytuj post</translation>
        </message>
        <message>
            <source>Save the changes to this post?</source>
            <translation>Zapisać zmiany w tym poście?</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>Zapisz zmiany</translation>
        </message>
        <message>
            <source>Save this post as a draft?</source>
            <translation>Zapisać ten post jako szkic?</translation>
        </message>
        <message>
            <source>A draft keeps everything you wrote; schedule it later.</source>
            <translation>Szkic zachowa wszystko, co napisano; zaplanujesz go później.</translation>
        </message>
        <message>
            <source>Save draft</source>
            <translation>Zapisz szkic</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Odrzuć</translation>
        </message>
        <message>
            <source>Accounts: choose at least one account to post to.</source>
            <translation>Konta: wybierz co najmniej jedno konto, na które trafi post.</translation>
        </message>
        <message>
            <source>%1 · %2: %3</source>
            <translation>%1 · %2: %3</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Time: %1 does not exist on %2 in %3 (the clocks skip it at a daylight saving change); choose another time.</source>
            <translation>Czas: godzina %1 nie istnieje dnia %2 w strefie %3 (zegary ją przeskakują przy zmianie czasu); wybierz inną godzinę.</translation>
        </message>
        <message>
            <source>Time: %1 is in the past; choose a later time.</source>
            <translation>Czas: %1 to już przeszłość; wybierz późniejszy termin.</translation>
        </message>
        <message>
            <source>%1 happens twice that night (the clocks go back); the first one (%2) is used.</source>
            <translation>Godzina %1 wystąpi tej nocy dwa razy (zmiana czasu); użyta zostanie pierwsza (%2).</translation>
        </message>
        <message>
            <source>Before scheduling, fix:</source>
            <translation>Przed zaplanowaniem popraw:</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… i jeszcze %n</numerusform>
                <numerusform>… i jeszcze %n</numerusform>
                <numerusform>… i jeszcze %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Schedule the post (Ctrl+Enter)</source>
            <translation>Zaplanuj post (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Accounts to post to</source>
            <translation>Konta, na które trafi post</translation>
        </message>
        <message>
            <source>Post to</source>
            <translation>Publikuj na</translation>
        </message>
        <message>
            <source>No accounts yet. Connect one in Accounts…, then choose it here.</source>
            <translation>Nie ma jeszcze kont. Połącz konto w oknie Konta…, a potem wybierz je tutaj.</translation>
        </message>
        <message>
            <source>This post failed: saving the changes schedules it again.</source>
            <translation>Ten post się nie powiódł: zapisanie zmian zaplanuje go ponownie.</translation>
        </message>
        <message>
            <source>This post was cancelled: saving the changes schedules it again.</source>
            <translation>Ten post został anulowany: zapisanie zmian zaplanuje go ponownie.</translation>
        </message>
        <message>
            <source>An edited post keeps its account. Use Duplicate to post elsewhere.</source>
            <translation>Edytowany post zachowuje swoje konto. Aby opublikować gdzie indziej, użyj Duplikuj.</translation>
        </message>
        <message>
            <source>Tick every account this post goes to.</source>
            <translation>Zaznacz każde konto, na które ma trafić ten post.</translation>
        </message>
        <message>
            <source>Working title (WordPress uses it as the title)</source>
            <translation>Tytuł roboczy (WordPress użyje go jako tytułu)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Tytuł</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Tekst</translation>
        </message>
        <message>
            <source>Write the post once here; adapt it per platform below.</source>
            <translation>Napisz post raz tutaj; dopasuj go do każdej platformy poniżej.</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>T&amp;itle:</source>
            <translation>T&amp;ytuł:</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>&amp;Tekst:</translation>
        </message>
        <message>
            <source>Lin&amp;k:</source>
            <translation>Lin&amp;k:</translation>
        </message>
        <message>
            <source>Images:</source>
            <translation>Obrazy:</translation>
        </message>
        <message>
            <source>Choose one or more accounts: each platform's version of the post appears here.</source>
            <translation>Wybierz jedno lub więcej kont: tutaj pojawi się wersja postu dla każdej platformy.</translation>
        </message>
        <message>
            <source>Per platform</source>
            <translation>Dla każdej platformy</translation>
        </message>
        <message>
            <source>Publication date and time</source>
            <translation>Data i godzina publikacji</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Kiedy</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Zaplanuj</translation>
        </message>
        <message>
            <source>Keep this post without scheduling it (Ctrl+S)</source>
            <translation>Zachowaj ten post bez planowania (Ctrl+S)</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Obrazy</translation>
        </message>
        <message>
            <source>Alt text</source>
            <translation>Tekst alternatywny</translation>
        </message>
        <message>
            <source>Excerpt</source>
            <translation>Zajawka</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Kategorie</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tagi</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <source>Name: an account named '{name}' already exists; choose another.</source>
            <translation>Nazwa: konto „{name}” już istnieje; wybierz inną.</translation>
        </message>
        <message>
            <source>Name must not be empty.</source>
            <translation>Nazwa nie może być pusta.</translation>
        </message>
        <message>
            <source>Name must be at most {limit} characters ({count} now).</source>
            <translation>Nazwa może mieć najwyżej {limit} znaków (teraz: {count}).</translation>
        </message>
        <message>
            <source>{label}: account '{other}' already hosts Instagram images; only one may.</source>
            <translation>{label}: konto „{other}” już hostuje obrazy dla Instagrama; może to robić tylko jedno konto.</translation>
        </message>
        <message>
            <source>{label} must not be empty: {platform} accounts need it.</source>
            <translation>Pole „{label}” nie może być puste: wymagają go konta {platform}.</translation>
        </message>
        <message>
            <source>{label} must not be empty: it is how {platform} knows you.</source>
            <translation>Pole „{label}” nie może być puste: po nim {platform} cię rozpoznaje.</translation>
        </message>
        <message>
            <source>{platform} needs an image.</source>
            <translation>{platform} wymaga obrazu.</translation>
        </message>
        <message>
            <source>{platform} allows at most {limit} characters ({count} now).</source>
            <translation>{platform} pozwala na najwyżej {limit} znaków (teraz: {count}).</translation>
        </message>
        <message>
            <source>{platform} allows at most {limit} characters ({count} now: {platform} counts most emoji as two or more).</source>
            <translation>{platform} pozwala na najwyżej {limit} znaków (teraz: {count}; {platform} liczy większość emoji jako dwa znaki lub więcej).</translation>
        </message>
        <message>
            <source>{platform} needs some text.</source>
            <translation>{platform} wymaga tekstu.</translation>
        </message>
        <message>
            <source>{platform} needs a title.</source>
            <translation>{platform} wymaga tytułu.</translation>
        </message>
        <message>
            <source>{platform} allows at most {limit} characters.</source>
            <translation>{platform} pozwala na najwyżej {limit} znaków.</translation>
        </message>
        <message>
            <source>{platform} allows at most {limit} hashtags ({count} now).</source>
            <translation>{platform} pozwala na najwyżej {limit} hashtagów (teraz: {count}).</translation>
        </message>
        <message>
            <source>{platform} allows at most {limit} @-mentions ({count} now).</source>
            <translation>{platform} pozwala na najwyżej {limit} wzmianek @ (teraz: {count}).</translation>
        </message>
        <message>
            <source>The link must start with http:// or https://.</source>
            <translation>Link musi zaczynać się od http:// lub https://.</translation>
        </message>
        <message>
            <source>{file}: {host} is not a public internet address; images are fetched only from public addresses. Use a public address or a file on this computer.</source>
            <translation>{file}: {host} nie jest publicznym adresem w internecie; obrazy są pobierane tylko z adresów publicznych. Użyj adresu publicznego albo pliku z tego komputera.</translation>
        </message>
        <message>
            <source>{platform} needs at least {count} images.</source>
            <translation>{platform} wymaga więcej obrazów (najmniej: {count}).</translation>
        </message>
        <message>
            <source>{platform} posts here cannot carry media.</source>
            <translation>Posty {platform} w tym miejscu nie mogą zawierać multimediów.</translation>
        </message>
        <message>
            <source>{platform} allows at most {limit} images ({count} given).</source>
            <translation>{platform} pozwala na najwyżej {limit} obrazów (dodano: {count}).</translation>
        </message>
        <message>
            <source>{file}: {platform} accepts {types} only.</source>
            <translation>{file}: {platform} przyjmuje tylko {types}.</translation>
        </message>
        <message>
            <source>{file}: not a regular file (a folder, device or pipe); choose an image.</source>
            <translation>{file}: to nie jest zwykły plik (to folder, urządzenie lub potok); wybierz obraz.</translation>
        </message>
        <message>
            <source>{file}: {platform} accepts files up to {mb} MB.</source>
            <translation>{file}: {platform} przyjmuje pliki do {mb} MB.</translation>
        </message>
        <message>
            <source>{file}: cannot be read (no permission).</source>
            <translation>{file}: nie można odczytać (brak uprawnień).</translation>
        </message>
        <message>
            <source>{file}: no such file.</source>
            <translation>{file}: nie ma takiego pliku.</translation>
        </message>
        <message>
            <source>Facebook needs some text, a link or an image.</source>
            <translation>Facebook wymaga tekstu, linku lub obrazu.</translation>
        </message>
        <message>
            <source>Instagram has no text-only posts: add a JPEG image.</source>
            <translation>Instagram nie publikuje samego tekstu: dodaj obraz JPEG.</translation>
        </message>
        <message>
            <source>{address}: Instagram downloads images itself and needs an https:// address.</source>
            <translation>{address}: Instagram sam pobiera obrazy i potrzebuje adresu https://.</translation>
        </message>
        <message>
            <source>{file}: Instagram needs the image at a public https:// address; use an https:// image address, or mark a public WordPress account as media host (desktop-publisher account add wordpress … --media-host) so local images are uploaded there first.</source>
            <translation>{file}: Instagram potrzebuje obrazu pod publicznym adresem https://; podaj adres obrazu https:// albo oznacz publiczne konto WordPress jako hosta obrazów (desktop-publisher account add wordpress … --media-host), a lokalne obrazy zostaną najpierw tam wysłane.</translation>
        </message>
        <message>
            <source>Instagram allows alt text up to {limit} characters.</source>
            <translation>Instagram pozwala na tekst alternatywny do {limit} znaków.</translation>
        </message>
        <message>
            <source>Author must be a LinkedIn URN: urn:li:person:… or urn:li:organization:….</source>
            <translation>Autor musi być identyfikatorem URN LinkedIn: urn:li:person:… lub urn:li:organization:….</translation>
        </message>
        <message>
            <source>{platform} allows at most {limit} characters ({count} now: LinkedIn counts each of \ | {{ }} @ [ ] ( ) &lt; &gt; * _ ~ and a # outside a hashtag as two, and most emoji as two or more).</source>
            <translation>{platform} pozwala na najwyżej {limit} znaków (teraz: {count}; LinkedIn liczy każdy ze znaków \ | {{ }} @ [ ] ( ) &lt; &gt; * _ ~ oraz # poza hasztagiem jako dwa, a większość emoji jako dwa lub więcej).</translation>
        </message>
        <message>
            <source>A LinkedIn post carries either a link or images, not both: remove the link (put it in the text) or the images.</source>
            <translation>Post na LinkedIn zawiera link albo obrazy, nie oba naraz: usuń link (wpisz go w tekst) albo obrazy.</translation>
        </message>
        <message>
            <source>Site URL '{value}' must look like https://example.com.</source>
            <translation>Adres witryny „{value}” musi wyglądać jak https://example.com.</translation>
        </message>
        <message>
            <source>Site URL '{value}' uses http://: use https:// (plain http is accepted only for a site on this computer).</source>
            <translation>Adres witryny „{value}” używa http://: użyj https:// (zwykłe http jest dozwolone tylko dla witryny na tym komputerze).</translation>
        </message>
        <message>
            <source>a WordPress category name may have at most {limit} characters ({name}… has {count}).</source>
            <translation>nazwa kategorii WordPress może mieć najwyżej {limit} znaków ({name}… ma {count}).</translation>
        </message>
        <message>
            <source>a WordPress tag name may have at most {limit} characters ({name}… has {count}).</source>
            <translation>nazwa tagu WordPress może mieć najwyżej {limit} znaków ({name}… ma {count}).</translation>
        </message>
        <message>
            <source>alt text describes an image; add the image.</source>
            <translation>tekst alternatywny opisuje obraz; dodaj obraz.</translation>
        </message>
        <message>
            <source>the excerpt must be text.</source>
            <translation>zajawka musi być tekstem.</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <source>Time</source>
            <translation>Czas</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Tekst</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Tries</source>
            <translation>Próby</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Ostatni błąd</translation>
        </message>
        <message>
            <source>Local time (%1). Click to reverse the order.</source>
            <translation>Czas lokalny (%1). Kliknij, aby odwrócić kolejność.</translation>
        </message>
        <message>
            <source>Publish attempts so far</source>
            <translation>Dotychczasowe próby publikacji</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Szkic</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Szkice</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <source>Post queue</source>
            <translation>Kolejka postów</translation>
        </message>
    </context>
    <context>
        <name>RescheduleDialog</name>
        <message>
            <source>Reschedule</source>
            <translation>Zmień termin</translation>
        </message>
        <message>
            <source>When should the post to %1 on %2 go out?</source>
            <translation>Kiedy ma wyjść post na %1 (%2)?</translation>
        </message>
        <message>
            <source>Time zone: %1 (%2)</source>
            <translation>Strefa czasowa: %1 (%2)</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Czas</translation>
        </message>
        <message>
            <source>%1 is in the past: choose a later time.</source>
            <translation>%1 to już przeszłość: wybierz późniejszy termin.</translation>
        </message>
        <message>
            <source>%1 happens twice tonight (the clocks go back); the first one is used.</source>
            <translation>%1 wystąpi tej nocy dwa razy (zmiana czasu); użyta zostanie pierwsza.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Publish late posts up to</source>
            <translation>Publikuj spóźnione posty do</translation>
        </message>
        <message>
            <source>Attempts before a post fails</source>
            <translation>Liczba prób przed niepowodzeniem</translation>
        </message>
        <message>
            <source>First retry after</source>
            <translation>Pierwsza ponowna próba po</translation>
        </message>
        <message>
            <source>Longest wait between retries</source>
            <translation>Najdłuższa przerwa między próbami</translation>
        </message>
        <message>
            <source>Hold rate-limited posts for at most</source>
            <translation>Wstrzymuj posty przy limicie zapytań najwyżej</translation>
        </message>
        <message>
            <source>Remove finished posts after</source>
            <translation>Usuwaj zakończone posty po</translation>
        </message>
        <message>
            <source>Warn before a token expires</source>
            <translation>Ostrzegaj przed wygaśnięciem tokenu</translation>
        </message>
        <message>
            <source>Default token lifetime</source>
            <translation>Domyślna ważność tokenu</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Język</translation>
        </message>
        <message>
            <source>min</source>
            <translation>min</translation>
        </message>
        <message>
            <source>s</source>
            <translation>s</translation>
        </message>
        <message>
            <source>h</source>
            <translation>godz.</translation>
        </message>
        <message>
            <source>days</source>
            <translation>dni</translation>
        </message>
        <message>
            <source>A post whose time passed while the app was closed or the computer slept is still published up to this long after; older ones are marked missed.</source>
            <translation>Post, którego termin minął, gdy aplikacja była zamknięta lub komputer uśpiony, zostanie jeszcze opublikowany do tego czasu po terminie; starsze są oznaczane jako pominięte.</translation>
        </message>
        <message>
            <source>A post that keeps failing for a passing reason stops here.</source>
            <translation>Post, który wciąż zawodzi z przejściowej przyczyny, zatrzymuje się na tej liczbie.</translation>
        </message>
        <message>
            <source>Each further retry waits twice as long.</source>
            <translation>Każda kolejna próba czeka dwa razy dłużej.</translation>
        </message>
        <message>
            <source>When a platform says to slow down, its posts wait at most this long.</source>
            <translation>Gdy platforma prosi o zwolnienie, jej posty czekają najwyżej tyle.</translation>
        </message>
        <message>
            <source>Published, failed and cancelled posts leave the queue after this long; waiting posts are never removed.</source>
            <translation>Opublikowane, nieudane i anulowane posty znikają z kolejki po tym czasie; oczekujące nigdy nie są usuwane.</translation>
        </message>
        <message>
            <source>The status line warns this long before a token expires.</source>
            <translation>Pasek stanu ostrzega tyle czasu przed wygaśnięciem tokenu.</translation>
        </message>
        <message>
            <source>The expiry assumed for a new LinkedIn or Facebook token when none is entered.</source>
            <translation>Ważność przyjmowana dla nowego tokenu LinkedIn lub Facebook, gdy nie podano daty.</translation>
        </message>
        <message>
            <source>API versions</source>
            <translation>Wersje API</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Ogólne</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>Okno</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Powiadomienia</translation>
        </message>
        <message>
            <source>Publishing</source>
            <translation>Publikowanie</translation>
        </message>
        <message>
            <source>Late posts</source>
            <translation>Spóźnione posty</translation>
        </message>
        <message>
            <source>Retries</source>
            <translation>Ponowne próby</translation>
        </message>
        <message>
            <source>Clean-up</source>
            <translation>Porządkowanie</translation>
        </message>
        <message>
            <source>Accounts and APIs</source>
            <translation>Konta i API</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>Tokeny</translation>
        </message>
        <message>
            <source>Longest wait between retries must be at least the first retry's wait (%1 s).</source>
            <translation>Najdłuższa przerwa między próbami musi być co najmniej równa pierwszej (%1 s).</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Ustawienia</translation>
        </message>
        <message>
            <source>Adds Desktop Publisher to %1.</source>
            <translation>Dodaje Desktop Publisher do %1.</translation>
        </message>
        <message>
            <source>Scheduled posts are published only while Desktop Publisher runs.</source>
            <translation>Zaplanowane posty są publikowane tylko wtedy, gdy Desktop Publisher działa.</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Jak w systemie</translation>
        </message>
        <message>
            <source>Applies the next time Desktop Publisher starts.</source>
            <translation>Zadziała przy następnym uruchomieniu Desktop Publisher.</translation>
        </message>
        <message>
            <source>automatic: %1</source>
            <translation>automatycznie: %1</translation>
        </message>
        <message>
            <source>Keep running in the tray when the window closes</source>
            <translation>Działaj w zasobniku po zamknięciu okna</translation>
        </message>
        <message>
            <source>Start minimised to the tray</source>
            <translation>Uruchamiaj zminimalizowany do zasobnika</translation>
        </message>
        <message>
            <source>Start at login</source>
            <translation>Uruchamiaj po zalogowaniu</translation>
        </message>
        <message>
            <source>When a post is published</source>
            <translation>Gdy post zostanie opublikowany</translation>
        </message>
        <message>
            <source>When a post fails (stays until dismissed)</source>
            <translation>Gdy post się nie powiedzie (zostaje do zamknięcia)</translation>
        </message>
        <message>
            <source>Graph API version</source>
            <translation>Wersja Graph API</translation>
        </message>
        <message>
            <source>Facebook and Instagram Graph API, e.g. v25.0. When Meta retires it, the version Meta answers with is taken here by itself.</source>
            <translation>Graph API Facebooka i Instagrama, np. v25.0. Gdy Meta wycofa tę wersję, aplikacja sama wpisze tu wersję, którą odpowiada Meta.</translation>
        </message>
        <message>
            <source>Graph API version must look like v25.0 (not %1).</source>
            <translation>Wersja Graph API musi wyglądać jak v25.0 (a nie %1).</translation>
        </message>
        <message>
            <source>LinkedIn-Version header</source>
            <translation>Nagłówek LinkedIn-Version</translation>
        </message>
        <message>
            <source>Empty: a month LinkedIn serves, from the calendar. A month typed here is sent first; when LinkedIn no longer serves it, another is used by itself.</source>
            <translation>Puste: miesiąc obsługiwany przez LinkedIn, wyznaczany z kalendarza. Wpisany tu miesiąc jest wysyłany jako pierwszy; gdy LinkedIn przestanie go obsługiwać, aplikacja sama użyje innego.</translation>
        </message>
        <message>
            <source>LinkedIn-Version header must be empty (follow the calendar) or a year and month as YYYYMM, like %1 (not %2).</source>
            <translation>Nagłówek LinkedIn-Version musi być pusty (według kalendarza) albo zawierać rok i miesiąc jako RRRRMM, np. %1 (a nie %2).</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Scheduled</source>
            <translation>Zaplanowany</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>W kolejce</translation>
        </message>
        <message>
            <source>Publishing…</source>
            <translation>Publikowanie…</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Opublikowany</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Nieudany</translation>
        </message>
        <message>
            <source>Needs check</source>
            <translation>Do sprawdzenia</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Anulowany</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Szkic</translation>
        </message>
        <message numerus="yes">
            <source>%Ln scheduled</source>
            <translation>
                <numerusform>%Ln zaplanowany</numerusform>
                <numerusform>%Ln zaplanowane</numerusform>
                <numerusform>%Ln zaplanowanych</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln queued</source>
            <translation>
                <numerusform>%Ln w kolejce</numerusform>
                <numerusform>%Ln w kolejce</numerusform>
                <numerusform>%Ln w kolejce</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln publishing</source>
            <translation>
                <numerusform>%Ln publikowany</numerusform>
                <numerusform>%Ln publikowane</numerusform>
                <numerusform>%Ln publikowanych</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln published</source>
            <translation>
                <numerusform>%Ln opublikowany</numerusform>
                <numerusform>%Ln opublikowane</numerusform>
                <numerusform>%Ln opublikowanych</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln failed</source>
            <translation>
                <numerusform>%Ln nieudany</numerusform>
                <numerusform>%Ln nieudane</numerusform>
                <numerusform>%Ln nieudanych</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln to check</source>
            <translation>
                <numerusform>%Ln do sprawdzenia</numerusform>
                <numerusform>%Ln do sprawdzenia</numerusform>
                <numerusform>%Ln do sprawdzenia</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln cancelled</source>
            <translation>
                <numerusform>%Ln anulowany</numerusform>
                <numerusform>%Ln anulowane</numerusform>
                <numerusform>%Ln anulowanych</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln draft(s)</source>
            <translation>
                <numerusform>%Ln szkic</numerusform>
                <numerusform>%Ln szkice</numerusform>
                <numerusform>%Ln szkiców</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Step</name>
        <message>
            <source>reading the Page</source>
            <translation>odczyt strony</translation>
        </message>
        <message>
            <source>reading the token</source>
            <translation>odczyt tokenu</translation>
        </message>
        <message>
            <source>creating the post</source>
            <translation>utworzenie posta</translation>
        </message>
        <message>
            <source>publishing the photo</source>
            <translation>publikacja zdjęcia</translation>
        </message>
        <message>
            <source>uploading {file}</source>
            <translation>wysyłka {file}</translation>
        </message>
        <message>
            <source>reading the permalink</source>
            <translation>odczyt stałego linku</translation>
        </message>
        <message>
            <source>looking for the post on the Page</source>
            <translation>szukanie posta na stronie</translation>
        </message>
        <message>
            <source>reading the Instagram account</source>
            <translation>odczyt konta Instagram</translation>
        </message>
        <message>
            <source>reading the daily publishing limit</source>
            <translation>odczyt dziennego limitu publikacji</translation>
        </message>
        <message>
            <source>preparing the post</source>
            <translation>przygotowanie posta</translation>
        </message>
        <message>
            <source>preparing image {index} of the carousel</source>
            <translation>przygotowanie obrazu {index} karuzeli</translation>
        </message>
        <message>
            <source>preparing the carousel</source>
            <translation>przygotowanie karuzeli</translation>
        </message>
        <message>
            <source>publishing the post</source>
            <translation>publikacja posta</translation>
        </message>
        <message>
            <source>checking the prepared post</source>
            <translation>sprawdzenie przygotowanego posta</translation>
        </message>
        <message>
            <source>looking for the published post</source>
            <translation>szukanie opublikowanego posta</translation>
        </message>
        <message>
            <source>reading your profile</source>
            <translation>odczyt profilu</translation>
        </message>
        <message>
            <source>preparing the upload of {file}</source>
            <translation>przygotowanie wysyłki {file}</translation>
        </message>
        <message>
            <source>checking the login</source>
            <translation>sprawdzenie logowania</translation>
        </message>
        <message>
            <source>looking for the post of the earlier attempt</source>
            <translation>szukanie posta z wcześniejszej próby</translation>
        </message>
        <message>
            <source>looking up the category {name!r}</source>
            <translation>wyszukanie kategorii {name!r}</translation>
        </message>
        <message>
            <source>creating the category {name!r}</source>
            <translation>utworzenie kategorii {name!r}</translation>
        </message>
        <message>
            <source>looking up the tag {name!r}</source>
            <translation>wyszukanie tagu {name!r}</translation>
        </message>
        <message>
            <source>creating the tag {name!r}</source>
            <translation>utworzenie tagu {name!r}</translation>
        </message>
        <message>
            <source>uploading the image {file}</source>
            <translation>wysyłka obrazu {file}</translation>
        </message>
    </context>
    <context>
        <name>Storage</name>
        <message>
            <source>The disk is full: nothing is published until there is space again</source>
            <translation>Dysk jest pełny: nic nie zostanie opublikowane, dopóki nie będzie znowu miejsca</translation>
        </message>
        <message>
            <source>The data folder is read-only: nothing is published until it is writable</source>
            <translation>Folder danych jest tylko do odczytu: nic nie zostanie opublikowane, dopóki nie będzie można w nim zapisywać</translation>
        </message>
        <message>
            <source>The data folder cannot be written (permission denied): nothing is published</source>
            <translation>Nie można zapisywać w folderze danych (brak uprawnień): nic nie jest publikowane</translation>
        </message>
        <message>
            <source>Another program locks the database: publishing waits for it</source>
            <translation>Inny program blokuje bazę danych: publikowanie na niego czeka</translation>
        </message>
        <message>
            <source>The database is damaged: nothing is published (see the log)</source>
            <translation>Baza danych jest uszkodzona: nic nie jest publikowane (zobacz dziennik)</translation>
        </message>
        <message>
            <source>The disk reports errors: nothing is published until it works again</source>
            <translation>Dysk zgłasza błędy: nic nie zostanie opublikowane, dopóki znów nie zacznie działać</translation>
        </message>
        <message>
            <source>The database file was deleted or replaced: publishing stopped. Quit Desktop Publisher and start it again</source>
            <translation>Plik bazy danych został usunięty lub podmieniony: publikowanie zatrzymane. Zamknij Desktop Publisher i uruchom go ponownie</translation>
        </message>
    </context>
    <context>
        <name>TrayController</name>
        <message>
            <source>Open</source>
            <translation>Otwórz</translation>
        </message>
        <message>
            <source>New post…</source>
            <translation>Nowy post…</translation>
        </message>
        <message>
            <source>Pause publishing</source>
            <translation>Wstrzymaj publikowanie</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Zakończ</translation>
        </message>
        <message>
            <source>Publishing on schedule</source>
            <translation>Publikowanie według planu</translation>
        </message>
        <message>
            <source>Some posts need your attention</source>
            <translation>Niektóre posty wymagają uwagi</translation>
        </message>
        <message>
            <source>Publishing is paused</source>
            <translation>Publikowanie jest wstrzymane</translation>
        </message>
        <message>
            <source>Resume publishing</source>
            <translation>Wznów publikowanie</translation>
        </message>
        <message>
            <source>Publishing in the background. Click the icon to open the window.</source>
            <translation>Publikowanie w tle. Kliknij ikonę, aby otworzyć okno.</translation>
        </message>
        <message>
            <source>Still publishing in the background. Use Quit in this icon's menu to stop.</source>
            <translation>Publikowanie trwa w tle. Aby zakończyć, użyj „Zakończ” w menu tej ikony.</translation>
        </message>
        <message>
            <source>There is no system tray on this desktop, so no icon can stay behind when the window closes.</source>
            <translation>Ten pulpit nie ma zasobnika systemowego, więc po zamknięciu okna nie zostanie żadna ikona.</translation>
        </message>
        <message>
            <source>Keep publishing in the background? Start Desktop Publisher again to bring the window back. Or quit: scheduled posts are then published only while the app runs.</source>
            <translation>Publikować dalej w tle? Uruchom Desktop Publisher ponownie, aby przywrócić okno. Albo zakończ: zaplanowane posty będą wtedy publikowane tylko wtedy, gdy aplikacja działa.</translation>
        </message>
        <message>
            <source>Keep publishing</source>
            <translation>Publikuj dalej</translation>
        </message>
    </context>
    <context>
        <name>VariantPane</name>
        <message>
            <source>Use the base version</source>
            <translation>Użyj wersji bazowej</translation>
        </message>
        <message>
            <source>Replace this version's text, title, link and images with the base post's</source>
            <translation>Zastąp tekst, tytuł, link i obrazy tej wersji tymi z postu bazowego</translation>
        </message>
        <message>
            <source>%1 title</source>
            <translation>%1 — tytuł</translation>
        </message>
        <message>
            <source>Title of the %1 post</source>
            <translation>Tytuł postu na %1</translation>
        </message>
        <message>
            <source>%1 text</source>
            <translation>%1 — tekst</translation>
        </message>
        <message>
            <source>Characters</source>
            <translation>Znaki</translation>
        </message>
        <message>
            <source>Counted the way %1 counts</source>
            <translation>Liczone tak, jak liczy %1</translation>
        </message>
        <message>
            <source>%1 link</source>
            <translation>%1 — link</translation>
        </message>
        <message>
            <source>A short summary for lists and feeds (optional)</source>
            <translation>Krótkie podsumowanie do list i kanałów (opcjonalnie)</translation>
        </message>
        <message>
            <source>News, Autumn — separated by commas; created when missing</source>
            <translation>Aktualności, Jesień — rozdzielone przecinkami; brakujące zostaną utworzone</translation>
        </message>
        <message>
            <source>wool, care — separated by commas; created when missing</source>
            <translation>wełna, pielęgnacja — rozdzielone przecinkami; brakujące zostaną utworzone</translation>
        </message>
        <message>
            <source>What the images show, for people who cannot see them</source>
            <translation>Co przedstawiają obrazy — dla osób, które ich nie widzą</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Tytuł:</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>Te&amp;kst:</translation>
        </message>
        <message>
            <source>&amp;Link:</source>
            <translation>&amp;Link:</translation>
        </message>
        <message>
            <source>Images:</source>
            <translation>Obrazy:</translation>
        </message>
        <message>
            <source>Excer&amp;pt:</source>
            <translation>&amp;Zajawka:</translation>
        </message>
        <message>
            <source>Cate&amp;gories:</source>
            <translation>Kate&amp;gorie:</translation>
        </message>
        <message>
            <source>T&amp;ags:</source>
            <translation>T&amp;agi:</translation>
        </message>
        <message>
            <source>Alt t&amp;ext:</source>
            <translation>Tekst alt&amp;ernatywny:</translation>
        </message>
        <message>
            <source>Posted to: %1</source>
            <translation>Publikacja na: %1</translation>
        </message>
        <message>
            <source>some characters count as more than one</source>
            <translation>niektóre znaki liczą się jako więcej niż jeden</translation>
        </message>
        <message>
            <source>%1 characters</source>
            <translation>Znaki: %1</translation>
        </message>
        <message>
            <source># %1 / %2</source>
            <translation># %1 / %2</translation>
        </message>
        <message>
            <source>@ %1 / %2</source>
            <translation>@ %1 / %2</translation>
        </message>
        <message>
            <source>%1 posts here carry no images.</source>
            <translation>Posty na %1 nie zawierają tu obrazów.</translation>
        </message>
        <message>
            <source>any</source>
            <translation>dowolne</translation>
        </message>
        <message numerus="yes">
            <source>%1: up to %n image(s) (%2)</source>
            <translation>
                <numerusform>%1: najwyżej %n obraz (%2)</numerusform>
                <numerusform>%1: najwyżej %n obrazy (%2)</numerusform>
                <numerusform>%1: najwyżej %n obrazów (%2)</numerusform>
            </translation>
        </message>
        <message>
            <source>at most %1 MB each</source>
            <translation>każdy najwyżej %1 MB</translation>
        </message>
        <message>
            <source>at least %1 needed</source>
            <translation>potrzebny co najmniej %1</translation>
        </message>
        <message>
            <source>Same as the base post</source>
            <translation>Tak jak post bazowy</translation>
        </message>
        <message>
            <source>Own %1</source>
            <translation>Własne: %1</translation>
        </message>
    </context>
</TS>
