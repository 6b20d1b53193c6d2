<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AccountsDialog</name>
        <message numerus="yes">
            <source>Its %n scheduled post(s) will not be published: they leave the queue.</source>
            <translation>
                <numerusform>Its %n scheduled post will not be published: it leaves the queue.</numerusform>
                <numerusform>Its %n scheduled posts will not be published: they leave the queue.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Its %n finished post(s) leave the queue and the calendar too.</source>
            <translation>
                <numerusform>Its %n finished post leaves the queue and the calendar too.</numerusform>
                <numerusform>Its %n finished posts leave the queue and the calendar too.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Expires in %n day(s)</source>
            <translation>
                <numerusform>Expires in %n day</numerusform>
                <numerusform>Expires in %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DetailsPane</name>
        <message numerus="yes">
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n attempt</numerusform>
                <numerusform>%n attempts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln post(s)</source>
            <translation>
                <numerusform>%Ln post</numerusform>
                <numerusform>%Ln posts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The token of %1 (%2) expires in %n day(s), on %3.</source>
            <translation>
                <numerusform>The token of %1 (%2) expires in %n day, on %3.</numerusform>
                <numerusform>The token of %1 (%2) expires in %n days, on %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The token of %1 (%2) expires on %3, before %n of its scheduled post(s).</source>
            <translation>
                <numerusform>The token of %1 (%2) expires on %3, before its %n scheduled post.</numerusform>
                <numerusform>The token of %1 (%2) expires on %3, before %n of its scheduled posts.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Publishing %n post(s)…</source>
            <translation>
                <numerusform>Publishing %n post…</numerusform>
                <numerusform>Publishing %n posts…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message numerus="yes">
            <source>%n post(s) published</source>
            <translation>
                <numerusform>%n post published</numerusform>
                <numerusform>%n posts published</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n post(s) need your attention</source>
            <translation>
                <numerusform>%n post needs your attention</numerusform>
                <numerusform>%n posts need your attention</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PostEditor</name>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message numerus="yes">
            <source>%Ln scheduled</source>
            <translation>
                <numerusform>%Ln scheduled</numerusform>
                <numerusform>%Ln scheduled</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln queued</source>
            <translation>
                <numerusform>%Ln queued</numerusform>
                <numerusform>%Ln queued</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln publishing</source>
            <translation>
                <numerusform>%Ln publishing</numerusform>
                <numerusform>%Ln publishing</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln published</source>
            <translation>
                <numerusform>%Ln published</numerusform>
                <numerusform>%Ln published</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln failed</source>
            <translation>
                <numerusform>%Ln failed</numerusform>
                <numerusform>%Ln failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln to check</source>
            <translation>
                <numerusform>%Ln to check</numerusform>
                <numerusform>%Ln to check</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln cancelled</source>
            <translation>
                <numerusform>%Ln cancelled</numerusform>
                <numerusform>%Ln cancelled</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln draft(s)</source>
            <translation>
                <numerusform>%Ln draft</numerusform>
                <numerusform>%Ln drafts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VariantPane</name>
        <message numerus="yes">
            <source>%1: up to %n image(s) (%2)</source>
            <translation>
                <numerusform>%1: up to %n image (%2)</numerusform>
                <numerusform>%1: up to %n images (%2)</numerusform>
            </translation>
        </message>
    </context>
</TS>
