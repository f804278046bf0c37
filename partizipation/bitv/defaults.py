"""Starting texts of the BITV pages, written for this platform (Kreis Unna).

They are stored on first view (or by the demo data) and from then on edited by the officer.
Leichte Sprache texts are German only and start as "not yet checked by a review group".
"""

from __future__ import annotations

# slug -> locale -> (title, body HTML)
PAGES: dict[str, dict[str, tuple[str, str]]] = {}

PAGES["home"] = {
    "de": (
        "Partizipation im Kreis Unna",
        """<p>Auf dieser Plattform arbeiten Menschen mit Behinderungen, die Kreisverwaltung und die
zehn Städte und Gemeinden des Kreises Unna zusammen. Sie ist Teil des Projekts
„In Zukunft inklusiv“ (iZi.NRW) mit der LAG SELBSTHILFE NRW e.V.</p>
<h2>Was Sie hier finden</h2>
<ul>
<li>den Inklusionsbeirat des Kreises Unna: seine Mitglieder (wenn sie zugestimmt haben),
ihre Rollen und Amtszeiten,</li>
<li>die öffentlichen Sitzungen des Inklusionsbeirats und der anderen Gremien mit
Tagesordnung und Unterlagen,</li>
<li>die Partizipationsbegleiterinnen und Partizipationsbegleiter in Bergkamen, Bönen,
Fröndenberg/Ruhr, Holzwickede, Kamen, Lünen, Schwerte, Selm, Unna und Werne,</li>
<li>Neuigkeiten aus dem Beirat, dem Netzwerk und den Kommunen.</li>
</ul>
<h2>Für Mitglieder</h2>
<p>Mitglieder melden sich an und sehen unter „Mein Bereich“ ihre Einladungen. Dort sagen sie
auch, welche Unterstützung sie für eine Sitzung brauchen, zum Beispiel
Gebärdensprachdolmetschung, Schriftdolmetschung oder Unterlagen in Leichter Sprache.</p>
<h2>Kontakt</h2>
<p>Ansprechpartnerin ist die Kreisinklusionsbeauftragte des Kreises Unna. Wenn Sie eine
Barriere auf dieser Plattform finden oder einen Inhalt in anderer Form brauchen, nutzen Sie
bitte das Formular <a href="/barriere-melden">„Barriere melden“</a>. Der Link steht auch unten
auf jeder Seite.</p>""",
    ),
    "en": (
        "Participation in Kreis Unna",
        """<p>On this platform, people with disabilities, the district administration and the ten
towns and municipalities of Kreis Unna work together. It is part of the project
“In Zukunft inklusiv” (iZi.NRW) with LAG SELBSTHILFE NRW e.V.</p>
<h2>What you find here</h2>
<ul>
<li>the district’s advisory council (<span lang="de">Inklusionsbeirat</span>): its members (if
they agreed to be listed), their roles and terms,</li>
<li>the public meetings of the advisory council and of the other bodies, with agenda and
papers,</li>
<li>the participation facilitators in Bergkamen, Bönen, Fröndenberg/Ruhr, Holzwickede, Kamen,
Lünen, Schwerte, Selm, Unna and Werne,</li>
<li>news from the council, the network and the municipalities.</li>
</ul>
<h2>For members</h2>
<p>Members sign in and find their invitations under “My area”. There they also say which
support they need for a meeting, for example sign language interpreting, speech-to-text
interpreting or papers in Leichte Sprache (easy-to-read German).</p>
<h2>Contact</h2>
<p>Your contact is the district inclusion officer of Kreis Unna. If you find a barrier on this
platform or need content in another form, please use the form
<a href="/barriere-melden">“Report a barrier”</a>. The link is also at the bottom of every
page.</p>""",
    ),
}

PAGES["home-easy-language"] = {
    "de": (
        "Informationen in Leichter Sprache",
        """<h3>Was ist auf dieser Internet-Seite?</h3>
<p>Diese Internet-Seite ist vom Kreis Unna.</p>
<p>Hier arbeiten Menschen mit Behinderungen mit.</p>
<p>Sie sagen der Politik: Das brauchen wir.</p>
<p>Auf der Seite finden Sie:</p>
<ul>
<li>den Inklusions·beirat.<br>
Das ist eine Gruppe von Menschen mit Behinderungen.<br>
Die Gruppe berät den Kreis Unna.</li>
<li>die Termine von den Sitzungen.<br>
Eine Sitzung ist ein Treffen.</li>
<li>die Partizipations·begleiter.<br>
Sie helfen in Ihrer Stadt.<br>
Partizipation heißt: mit·reden und mit·bestimmen.</li>
</ul>
<h3>So finden Sie sich zurecht</h3>
<ul>
<li>Oben auf jeder Seite ist das Menü.<br>
Dort stehen die wichtigen Seiten.</li>
<li>Unten auf jeder Seite sind noch mehr Links.<br>
Zum Beispiel: Leichte Sprache.</li>
<li>Sie können die Seite mit der Tastatur benutzen.<br>
Mit der Tab-Taste springen Sie weiter.</li>
</ul>
<h3>Ist die Seite barriere·frei?</h3>
<p>Wir wollen: Alle Menschen können die Seite benutzen.</p>
<p>Das klappt noch nicht überall.</p>
<p>Zum Beispiel: Es gibt noch nicht alle Videos in Gebärden·sprache.</p>
<p>Haben Sie ein Problem mit der Seite?</p>
<p>Dann schreiben Sie uns.</p>
<p>Benutzen Sie dafür die Seite: <a href="/barriere-melden">Barriere melden</a>.</p>
<h3>Wo gibt es mehr Leichte Sprache?</h3>
<p>Mehr Informationen in Leichter Sprache stehen auf der Seite:
<a href="/leichte-sprache">Leichte Sprache</a>.</p>
<p>Den Link finden Sie unten auf jeder Seite.</p>""",
    ),
}

PAGES["easy-language"] = {
    "de": (
        "Leichte Sprache",
        """<h2>Willkommen</h2>
<p>Das ist die Internet-Seite für Partizipation im Kreis Unna.</p>
<p>Partizipation heißt: mit·reden und mit·bestimmen.</p>
<p>Menschen mit Behinderungen sollen mit·reden.</p>
<p>Sie wissen am besten: Was brauchen Menschen mit Behinderungen?</p>
<h2>Wer macht mit?</h2>
<ul>
<li>Der Inklusions·beirat.<br>
Das sind Menschen mit Behinderungen.<br>
Sie beraten den Kreis Unna.</li>
<li>Die Kreis·inklusions·beauftragte.<br>
Sie arbeitet beim Kreis Unna.<br>
Sie kümmert sich um die Plattform.<br>
Sie hilft Menschen mit Behinderungen.</li>
<li>Die Partizipations·begleiter.<br>
Es gibt sie in den Städten und Gemeinden.<br>
Zum Beispiel in Unna, Lünen oder Werne.<br>
Sie helfen beim Mit·reden in Ihrer Stadt.</li>
</ul>
<h2>Was können Sie hier machen?</h2>
<ul>
<li>Sie können lesen: Wer ist im Beirat?</li>
<li>Sie können lesen: Wann sind die Sitzungen?<br>
Eine Sitzung ist ein Treffen.</li>
<li>Sie können lesen: Was hat der Beirat beschlossen?</li>
</ul>
<h2>Für Mitglieder vom Beirat</h2>
<p>Mitglieder haben ein eigenes Konto.</p>
<p>Damit können sie sich anmelden.</p>
<p>Dann sehen sie: Mein Bereich.</p>
<p>Dort sind die Einladungen zu den Sitzungen.</p>
<p>Dort können sie auch sagen: Das brauche ich für die Sitzung.</p>
<p>Zum Beispiel:</p>
<ul>
<li>einen Gebärden·sprach·dolmetscher</li>
<li>Papiere in Leichter Sprache</li>
<li>eine Assistenz</li>
</ul>
<p>Das sieht nur die Kreis·inklusions·beauftragte.</p>
<h2>Haben Sie ein Problem mit der Seite?</h2>
<p>Dann sagen Sie es uns.</p>
<p>Benutzen Sie dafür die Seite: <a href="/barriere-melden">Barriere melden</a>.</p>
<p>Sie brauchen dafür kein Konto.</p>
<p>Wir antworten Ihnen innerhalb von einem Monat.</p>""",
    ),
}

PAGES["home-sign-language"] = {
    "de": (
        "Informationen in Deutscher Gebärdensprache (DGS)",
        """<p>Auf dieser Plattform erklären Videos in Deutscher Gebärdensprache:</p>
<ul>
<li>was Sie auf der Plattform finden: den Inklusionsbeirat, die Sitzungen, die
Partizipationsbegleiterinnen und Partizipationsbegleiter,</li>
<li>wie Sie sich zurechtfinden: das Menü oben, die Links unten auf jeder Seite, die
Anmeldung für Mitglieder,</li>
<li>das Wichtigste aus der Erklärung zur Barrierefreiheit: was noch nicht barrierefrei ist
und wie Sie uns eine Barriere melden.</li>
</ul>
<p>Zu jedem Video gibt es den Text zum Nachlesen. Alle Videos finden Sie auf der Seite
<a href="/gebaerdensprache">„Gebärdensprache“</a>. Für Sitzungen können Mitglieder
Gebärdensprachdolmetschung anmelden.</p>""",
    ),
    "en": (
        "Information in German Sign Language (DGS)",
        """<p>On this platform, videos in German Sign Language explain:</p>
<ul>
<li>what you find on the platform: the advisory council, the meetings, the participation
facilitators,</li>
<li>how to find your way: the menu at the top, the links at the bottom of every page, signing
in for members,</li>
<li>the key points of the accessibility statement: what is not yet accessible and how to
report a barrier.</li>
</ul>
<p>Every video comes with its text to read. You find all videos on the page
<a href="/gebaerdensprache">“Sign language”</a>.
Members can ask for sign language interpreting for meetings.</p>""",
    ),
}

PAGES["sign-language"] = {
    "de": (
        "Gebärdensprache",
        """<p>Hier finden Sie Videos in Deutscher Gebärdensprache (DGS) über diese Plattform und
über die Beteiligung von Menschen mit Behinderungen im Kreis Unna. Unter jedem Video steht
der Text zum Nachlesen.</p>
<p>Sie möchten ein Thema in Gebärdensprache erklärt bekommen, das hier noch fehlt? Schreiben
Sie uns über das Formular „Barriere melden“.</p>""",
    ),
    "en": (
        "Sign language",
        """<p>Here you find videos in German Sign Language (DGS) about this platform and about the
participation of people with disabilities in Kreis Unna. Below every video is its text to
read.</p>
<p>Would you like a topic explained in sign language that is missing here? Write to us using
the form “Report a barrier”.</p>""",
    ),
}

PAGES["imprint"] = {
    "de": (
        "Impressum",
        """<h2>Anbieter</h2>
<p>Kreis Unna<br>
Friedrich-Ebert-Straße 17<br>
59425 Unna</p>
<p>Der Kreis Unna ist eine Körperschaft des öffentlichen Rechts. Er wird vertreten durch den
Landrat.</p>
<p>Telefon: 02303 27-0<br>
Internet: <a href="https://www.kreis-unna.de">www.kreis-unna.de</a></p>
<h2>Verantwortlich für den Inhalt</h2>
<p>Die Kreisinklusionsbeauftragte des Kreises Unna, Anschrift wie oben.</p>
<h2>Aufsichtsbehörde</h2>
<p>Bezirksregierung Arnsberg</p>
<h2>Projekt</h2>
<p>Die Plattform entstand in Zusammenarbeit des Kreises Unna mit dem Projekt
„In Zukunft inklusiv“ (iZi.NRW) der LAG SELBSTHILFE NRW e.V. Beiträge von Mitgliedern geben
deren Meinung wieder.</p>""",
    ),
    "en": (
        "Imprint",
        """<h2>Provider</h2>
<p>Kreis Unna<br>
Friedrich-Ebert-Straße 17<br>
59425 Unna, Germany</p>
<p>Kreis Unna is a public-law corporation (district). It is represented by the
<span lang="de">Landrat</span> (district administrator).</p>
<p>Phone: +49 2303 27-0<br>
Web: <a href="https://www.kreis-unna.de">www.kreis-unna.de</a></p>
<h2>Responsible for the content</h2>
<p>The district inclusion officer of Kreis Unna, address as above.</p>
<h2>Supervisory authority</h2>
<p><span lang="de">Bezirksregierung Arnsberg</span></p>
<h2>Project</h2>
<p>The platform was created in the cooperation of Kreis Unna with the project
“In Zukunft inklusiv” (iZi.NRW) of LAG SELBSTHILFE NRW e.V. Posts by members state their
own opinion.</p>""",
    ),
}

PAGES["privacy"] = {
    "de": (
        "Datenschutz",
        """<h2>Verantwortlich</h2>
<p>Verantwortlich für die Verarbeitung ist der Kreis Unna (Anschrift im Impressum). Die
behördliche Datenschutzbeauftragte oder den behördlichen Datenschutzbeauftragten erreichen
Sie unter derselben Anschrift.</p>
<h2>Was wir verarbeiten</h2>
<h3>Konten</h3>
<p>Für Mitglieder und Mitarbeitende speichern wir E-Mail-Adresse, Namen, bevorzugte Sprache,
Rolle, das verschlüsselte Passwort (Argon2) und den Zeitpunkt der letzten Anmeldung. Zweck:
Zugang zu den Sitzungsunterlagen und zur Mitarbeit. Rechtsgrundlage: Art. 6 Abs. 1 Buchst. e
DSGVO in Verbindung mit dem Datenschutzgesetz NRW. Zum Schutz vor dem Erraten von Passwörtern
zählen wir fehlgeschlagene Anmeldungen je Konto und je IP-Adresse 15 Minuten lang.</p>
<h3>Unterstützungsbedarf (Gesundheitsdaten)</h3>
<p>Mitglieder können angeben, welche Unterstützung sie für Sitzungen brauchen, zum Beispiel
Gebärdensprachdolmetschung, Schriftdolmetschung, Unterlagen in Leichter Sprache oder
Assistenz. Solche Angaben können auf eine Behinderung schließen lassen und sind daher
Gesundheitsdaten nach Art. 9 DSGVO. Wir speichern sie nur mit Ihrer ausdrücklichen
Einwilligung (Art. 9 Abs. 2 Buchst. a DSGVO) und halten fest, wann Sie eingewilligt haben. Sehen
können sie nur Sie selbst und die Kreisinklusionsbeauftragte. Statistiken zeigen nur Zahlen für
Gruppen, die groß genug sind, damit niemand erkennbar ist. Sie können die Einwilligung
jederzeit in „Mein Bereich“ widerrufen; dann löschen wir die Angaben.</p>
<h3>Öffentliche Nennung im Beirat</h3>
<p>Name, Rolle und Amtszeit eines Beiratsmitglieds erscheinen öffentlich nur, wenn die Person
eingewilligt hat (Art. 6 Abs. 1 Buchst. a DSGVO). Die Einwilligung kann jederzeit widerrufen
werden. E-Mail-Adressen von Mitgliedern sind nie öffentlich.</p>
<h3>E-Mails</h3>
<p>Einladungen, Links zum Zurücksetzen des Passworts und Benachrichtigungen legen wir zuerst in
einem Postausgang in unserer Datenbank ab (Empfänger, Betreff, Text). Ein Versandprogramm
verschickt sie von dort. So geht keine Nachricht verloren, wenn der Mailserver kurz nicht
erreichbar ist. Gespeichert bleiben sie nur so lange, wie es für Versand und Nachweis nötig
ist.</p>
<h3>Barriere melden</h3>
<p>Wenn Sie eine Barriere melden, speichern wir Ihre Beschreibung, die betroffene Seite und –
nur wenn Sie sie angeben – Ihren Namen und Ihre E-Mail-Adresse für die Antwort. Die Meldung
liest die Kreisinklusionsbeauftragte; sie antwortet innerhalb eines Monats. Ein Konto brauchen
Sie dafür nicht.</p>
<h3>Cookies und Besuche</h3>
<p>Wir setzen nur ein technisch notwendiges Sitzungs-Cookie (Anmeldung, gewählte Sprache,
Schutz von Formularen). Es gibt kein Tracking, keine Statistikdienste, keine Werbung und keine
Inhalte von fremden Servern.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung,
Datenübertragbarkeit und Widerspruch (Art. 15 bis 21 DSGVO). Angemeldete Personen können ihre
Daten in „Mein Bereich“ herunterladen. Sie können sich bei der Landesbeauftragten für
Datenschutz und Informationsfreiheit Nordrhein-Westfalen beschweren.</p>""",
    ),
    "en": (
        "Privacy",
        """<h2>Controller</h2>
<p>The controller is Kreis Unna (address in the imprint). You can reach its data protection
officer at the same address.</p>
<h2>What we process</h2>
<h3>Accounts</h3>
<p>For members and staff we store email address, name, preferred language, role, the hashed
password (Argon2) and the time of the last sign-in. Purpose: access to meeting papers and to
the work of the council. Legal basis: Art. 6(1)(e) GDPR with the data protection act of North
Rhine-Westphalia. To protect against guessed passwords we count failed sign-ins per account
and per IP address for 15 minutes.</p>
<h3>Support needs (health data)</h3>
<p>Members can say which support they need for meetings, for example sign language
interpreting, speech-to-text interpreting, papers in Leichte Sprache or assistance. Such
information can reveal a disability and is therefore health data under Art. 9 GDPR. We store
it only with your explicit consent (Art. 9(2)(a) GDPR) and record when you gave it. Only you
and the district inclusion officer see it. Statistics only show numbers for groups large
enough that nobody can be recognised. You can withdraw your consent at any time in “My area”;
we then delete the information.</p>
<h3>Public listing in the advisory council</h3>
<p>The name, role and term of a council member are shown publicly only if the person agreed
(Art. 6(1)(a) GDPR). The consent can be withdrawn at any time. Members’ email addresses are
never public.</p>
<h3>Emails</h3>
<p>Invitations, password reset links and notifications are first put into an outbox in our
database (recipient, subject, text). A sending program delivers them from there, so no message
is lost when the mail server is briefly unavailable. They are kept only as long as needed for
delivery and proof.</p>
<h3>Reporting a barrier</h3>
<p>When you report a barrier, we store your description, the page concerned and – only if you
give them – your name and email address for the answer. The district inclusion officer reads
the report and answers within one month. You do not need an account.</p>
<h3>Cookies and visits</h3>
<p>We only set one technically necessary session cookie (sign-in, chosen language, protection
of forms). There is no tracking, no analytics service, no advertising and no content from
other servers.</p>
<h2>Your rights</h2>
<p>You have the right of access, rectification, erasure, restriction of processing, data
portability and objection (Art. 15 to 21 GDPR). Signed-in people can download their data in
“My area”. You can complain to the data protection authority of North Rhine-Westphalia
(<span lang="de">Landesbeauftragte für Datenschutz und Informationsfreiheit
Nordrhein-Westfalen</span>).</p>""",
    ),
}

# The accessibility statement: facts in the model, written parts per language.
STATEMENT_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "scope_html": """<p>Der Kreis Unna ist bemüht, diese Plattform im Einklang mit dem
Behindertengleichstellungsgesetz NRW (BGG NRW) und der Barrierefreie-Informationstechnik-Verordnung
NRW (BITV NRW) barrierefrei zugänglich zu machen. Diese Erklärung gilt für alle Seiten der
Plattform „Partizipation Kreis Unna“.</p>
<p>Geprüft wurde nach WCAG 2.2, Stufe AA: automatisch mit axe-core auf jeder Seite, in beiden
Sprachen, abgemeldet und in jeder Rolle, und von Hand mit Tastatur, Bildschirmleser und
400 % Vergrößerung.</p>""",
        "non_accessible_html": """<ul>
<li><strong>Gebärdensprache:</strong> Noch nicht alle Erklärungen gibt es als Video in Deutscher
Gebärdensprache. Die Videos entstehen gemeinsam mit gehörlosen Menschen aus dem Kreis Unna;
das braucht Zeit.</li>
<li><strong>Leichte Sprache:</strong> Texte in Leichter Sprache, die noch keine Prüfgruppe
gelesen hat, sind als „noch nicht geprüft“ gekennzeichnet.</li>
<li><strong>Dokumente von anderen:</strong> Hochgeladene Dokumente, etwa Anlagen zu Sitzungen
von anderen Stellen, sind möglicherweise nicht vollständig barrierefrei. Wir stellen sie
trotzdem bereit, damit alle die Unterlagen rechtzeitig haben.</li>
</ul>""",
        "alternatives_html": """<p>Jedes Dokument und jeden Inhalt bekommen Sie auf Wunsch in einer
für Sie zugänglichen Form, zum Beispiel als barrierefreies Word-Dokument, in Leichter Sprache
oder erklärt in Gebärdensprache. Schreiben Sie uns dafür über das Formular
„Barriere melden“ oder wenden Sie sich an die Kreisinklusionsbeauftragte.</p>""",
    },
    "en": {
        "scope_html": """<p>Kreis Unna strives to make this platform accessible in accordance with
the disability equality act of North Rhine-Westphalia (BGG NRW) and its accessible IT
regulation (BITV NRW). This statement applies to all pages of the platform
“Partizipation Kreis Unna”.</p>
<p>It was tested against WCAG 2.2 level AA: automatically with axe-core on every page, in both
languages, signed out and in every role, and by hand with keyboard, screen reader and 400 %
zoom.</p>""",
        "non_accessible_html": """<ul>
<li><strong>Sign language:</strong> Not all explanations are available as videos in German
Sign Language yet. The videos are made together with deaf people from Kreis Unna; this takes
time.</li>
<li><strong>Leichte Sprache:</strong> Texts in Leichte Sprache that no review group has read yet
are marked “not yet checked”.</li>
<li><strong>Documents from others:</strong> Uploaded documents, such as meeting attachments
from other bodies, may not be fully accessible. We still provide them so that everyone has
the papers in time.</li>
</ul>""",
        "alternatives_html": """<p>On request you get every document and every content in a form
accessible to you, for example as an accessible Word document, in Leichte Sprache or explained
in sign language. Write to us using the form “Report a barrier” or contact the district
inclusion officer.</p>""",
    },
}

# Pages written in Leichte Sprache: German only, with review fields.
EASY_LANGUAGE_SLUGS = frozenset({"home-easy-language", "easy-language"})
