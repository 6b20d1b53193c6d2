<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
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
        <source>%1 refused the account&apos;s sign-in.</source>
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
    <name>MainWindow</name>
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
        <source>Cancel post</source>
        <translation>Anuluj post</translation>
    </message>
    <message>
        <source>Cancel the selected post</source>
        <translation>Anuluj wybrany post</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Usuń szkic</translation>
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
        <source>The token expired: reconnect the account.</source>
        <translation>Token wygasł: połącz konto ponownie.</translation>
    </message>
    <message>
        <source>Token valid until %1</source>
        <translation>Token ważny do %1</translation>
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
        <source>Post %1 is %2; only scheduled or queued posts can be published now.</source>
        <translation>Post %1 ma status „%2”; teraz można opublikować tylko posty zaplanowane lub w kolejce.</translation>
    </message>
    <message>
        <source>Post %1 was not published now: it is %2.</source>
        <translation>Post %1 nie został teraz opublikowany: ma status „%2”.</translation>
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
        <source>Post %1 changed meanwhile; nothing was recorded.</source>
        <translation>Post %1 zmienił się w międzyczasie; niczego nie zapisano.</translation>
    </message>
    <message>
        <source>Cancel the post to %1 on %2, due %3? It will not be published.</source>
        <translation>Anulować post na %1 (%2) zaplanowany na %3? Nie zostanie opublikowany.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Zachowaj</translation>
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
        <source>Import accounts</source>
        <translation>Importuj konta</translation>
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
        <source>Nothing to import.</source>
        <translation>Nie ma nic do zaimportowania.</translation>
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
    <name>Status</name>
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
        <source>Still publishing in the background. Use Quit in this icon&apos;s menu to stop.</source>
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
</TS>
