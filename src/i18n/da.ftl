# Agendum's words in Danish, the default language. Every key is in en.ftl too (a test checks).
# Keys name where the words stand: layout-…, nav-…, page- and form-specific prefixes.

## The layout of every page

layout-skip-link = Spring til indhold
layout-main-menu = Hovedmenu
layout-meetings = Møder
layout-account-hint = din konto og adgangskode
layout-log-in = Log ind
layout-log-out = Log ud
layout-footer-about = Dagsordener, medlemsforslag og opfølgning med Agendum.
layout-footer-follow-up = Medlemsforslag i opfølgning
layout-footer-completed = Afsluttede medlemsforslag
layout-footer-open-data = Åbne data:
# The switch to the other language, written in that language.
language-switch = Dansk
language-switch-label = Sprog

## The menus of each role

nav-incoming = Indkomne forslag
nav-meetings = Møder og frister
nav-follow-up = Opfølgning
nav-letters = Breve
nav-outbox = Udgående post
nav-settings = Indstillinger
nav-my-proposals = Mine forslag
nav-my-tasks = Forvaltningens opgaver

## Roles

role-secretariat = Sekretariat
role-politician = Politiker
role-chair = Formand
role-administration = Forvaltning

## Notices after an action


## The public overviews of member proposals

overview-follow-up-heading = Medlemsforslag i opfølgning
overview-follow-up-intro = Vedtagne medlemsforslag, hvor forvaltningerne har fået opgaver, de skal svare på. Svarene står ved forslaget, når de er givet.
overview-completed-heading = Afsluttede medlemsforslag
overview-completed-intro = Medlemsforslag, der er behandlet færdigt: forkastet, taget til efterretning, eller vedtaget og fulgt op, så forvaltningernes svar er forelagt.
overview-count = { $count ->
    [one] { $count } forslag.
   *[other] { $count } forslag.
}
overview-see-also = Se også
overview-and = og
overview-tasks = { $tasks ->
    [one] { $tasks } opgave
   *[other] { $tasks } opgaver
} til forvaltningerne: { $answered } besvaret, { $waiting } venter på svar
overview-overdue = { $count } med overskredet frist
overview-empty = Der er ingen forslag her endnu.

## Paging through a list

pager-label = Sider
pager-previous = Forrige side
pager-next = Næste side
pager-page-of = Side { $page } af { $pages }

## Error pages

error-title-not-found = Siden blev ikke fundet
error-title-method = Handlingen findes ikke her
error-title-gone = Linket virker ikke længere
error-title-bad-request = Forespørgslen kan ikke behandles
error-title-unauthorized = Du skal logge ind
error-title-forbidden = Du har ikke adgang
error-title-too-many = For mange forsøg
error-title-too-large = Forespørgslen er for stor
error-title-conflict = Ændringen kan ikke gemmes
error-title-unavailable = Tjenesten er midlertidigt utilgængelig
error-title-internal = Der opstod en fejl
error-code = Fejlkode { $status }.
error-front-page = Gå til forsiden

## Logging in

login-title = Log ind
login-already = Du er logget ind som { $name }.
login-continue = Fortsæt
login-again = Log ind igen for at fortsætte. Handlingen kræver, at du har logget ind for nylig.
login-failed = Du blev ikke logget ind
login-email = E-mailadresse
login-password = Adgangskode
login-forgot = Glemt adgangskode?
login-demo-heading = Demokonti
login-demo-intro = Denne installation kører med demodata. Adgangskoden for alle tre er
demo-account-secretariat = sekretariatet (BR-sekretariatet i Økonomiforvaltningen)
demo-account-politician = politiker, Maja Lund Holm, medlem af Borgerrepræsentationen for Enhedslisten
demo-account-member = politiker, Sarah Whitfield, medlem af Borgerrepræsentationen for Socialdemokratiet; sider og mails på engelsk
demo-account-administration = forvaltning, Økonomiforvaltningen

## Pages (by the template where the words first stand)

# administration/my_tasks.html
the-administrations-tasks = Forvaltningens opgaver
tasks-for-administration = Opgaver til { $administration }
tasks-from-political-decisions-that-the = Opgaver fra politiske beslutninger, som forvaltningen har ansvaret for eller bidrager til. Alle forvaltningens medarbejdere med login ser de samme opgaver.
task = Opgave
the-administration-is = Forvaltningen er
responsible = Ansvarlig
deadline = Frist
status = Status
clause-clause = { $clause }. at-punkt
overdue = overskredet
none = Ingen.
pages = Sider
previous-page = Forrige side
next-page = Næste side
# administration/task_answer.html
task-for-administration = Opgave til { $administration }
contribution-from-administration = Bidrag fra { $administration }
task-2 = › Opgave
contribution-from-administration-to-lead = Bidrag fra { $administration } til { $lead }
not-sent = Ikke sendt
the-deadline-has-passed = fristen er overskredet
the-answer-goes-to = Svaret forelægges
decision = Beslutning
the-decision = Beslutningen
the-task = Opgaven:
a-new-deadline-has-been-requested = Der er bedt om ny frist { $proposed_deadline }: { $extension_reason }. Sekretariatet tager stilling.
contributions-from-other-administrations = Bidrag fra andre forvaltninger
answered-answered-at-by-answered-by = besvaret { $answered_at } af { $answered_by }
not-answered-yet = endnu ikke besvaret
the-answer = Svaret
answered-answered-at-by-answered-by-2 = Besvaret { $answered_at } af { $answered_by }.
your-contribution = Jeres bidrag
sent-my-answered-at-by-my = Sendt { $my_answered_at } af { $my_answered_by }.
you-can-correct-it-until-lead = I kan rette det, indtil { $lead } har svaret.
attached-files = Vedhæftede filer
answer-the-task = Svar på opgaven
correct-your-contribution = Ret jeres bidrag
give-your-contribution = Giv jeres bidrag
the-answer-complete-with-the-contributions = Svaret (samlet, med bidragene)
the-contribution = Bidraget
answered-by-name-and-department-if = Besvaret af (navn og evt. afdeling)
attach-a-file = Vedhæft en fil
to-the-answer = til svaret
to-the-contribution = til bidraget
for-example-a-memo-or-a = Fx et notat eller et regneark (PDF, Word, Excel, billeder). Tryk »Vedhæft filen«; det, du har skrevet, bliver stående. Filen følger svaret til sekretariatet
and-the-responsible-administration = og den ansvarlige forvaltning
send = Send
attach-the-file = Vedhæft filen
we-need-more-time = Vi har brug for mere tid
new-deadline = Ny frist
e-g = Fx
why = Hvorfor
ask-for-a-new-deadline = Bed om ny frist
the-task-is-no-longer-open = Opgaven er ikke længere åben for svar.
# base.html
meetings = Møder
# dev/mailbox.html
development-mailbox = Udviklingspostkasse
no-smtp-server-is-set-up = Der er ikke sat en SMTP-server op, så Agendum lægger al post her i stedet for at sende den: filerne ligger i
the-newest-limit-are-shown = . De nyeste { $limit } vises.
subject = Emne
to = Til
from = Fra
date = Dato
there-is-no-mail-yet-try = Der er ingen post endnu. Prøv
# dev/mailbox_message.html
reply-to = Svar til
html-version = HTML-udgave
the-messages-html-version = Beskedens HTML-udgave
text-version = Tekstudgave
content-type-size-bytes = ({ $content_type }, { $size } bytes)
see-the-message-as-it-was = Se beskeden, som den er skrevet (kildetekst)
# followup_section.html
decision-and-follow-up = Beslutning og opfølgning
the-minutes-have-not-been-approved = Beslutningsprotokollen er endnu ikke godkendt.
tasks-for-the-administrations = Opgaver til forvaltningerne
clause-clause-lead = { $clause }. at-punkt: { $lead }
the-task-2 = opgaven
contributions-from-contributors = Bidrag fra { $contributors }.
deadline-deadline = Frist { $deadline }
the-answer-goes-to-answer-to = svaret forelægges { $answer_to }
status-status-label = Status: { $status_label }
presented = forelagt
put-on-the-agenda-for = sat på dagsordenen for
answer-from-lead = Svar fra { $lead }
# macros.html
long-date-time = { $long_date }, kl. { $time }
meetings-and-deadlines = Møder og frister
at-location-status-label = i { $location } · { $status_label }
the-agenda = Dagsordenen
the-public-page = Den offentlige side
decisions-and-attendance = Beslutninger og fremmøde
# politician/minutes_draft.html
draft-document-title = Udkast: { $document_title }
decisions = Beslutninger
draft-minutes = › Udkast til protokol
draft-minutes-2 = Udkast til beslutningsprotokol
approve-the-minutes = Godkend protokollen
you-have-approved-the-minutes = Du har godkendt protokollen.
present = Til stede
absent = Fraværende
closed-item = Lukket punkt
decision-2 = Beslutning:
approvals = Godkendelser
# politician/my_proposals.html
my-proposals = Mine forslag
write-a-new-member-proposal = Skriv et nyt medlemsforslag
proposals-you-have-written-or-stand = Forslag, du har skrevet eller står bag som forslagsstiller eller medunderskriver
proposal = Forslag
meeting = Møde
last-changed = Senest ændret
late = (for sent)
not-chosen = Ikke valgt
you-have-no-proposals-yet = Du har ingen forslag endnu.
# politician/proposal_compare.html
versions-title = Versioner: { $title }
proposal-id = Forslag { $id }
versions = › versioner
versions-from-and-to = Version { $from } og { $to }
title-version-from-was-saved = { $title }. Version { $from } er gemt
version-to = version { $to }
struck-through = Overstreget
has-been-removed = er fjernet,
underlined = understreget
has-been-added = er tilføjet.
from-version = Fra version
to-version = til version
compare = Sammenlign
# politician/proposal_form.html
the-proposal-has-not-been-saved = Forslaget er ikke gemt
paste-a-proposal-you-have-written = Indsæt et forslag, du har skrevet et andet sted
text = Tekst
paste-the-whole-proposal-heading-det = Indsæt hele forslaget: overskrift, »Det foreslås,«, de nummererede at-punkter, »(Stillet af …)« og motivationen. Agendum udfylder formularen nedenfor, som du derefter retter og gemmer.
fill-in-the-form = Udfyld formularen
save-draft = Gem kladde
heading = Overskrift
introduction = Indledning
clauses = At-punkter
each-clause-begins-with-at-that = Hvert punkt begynder med »at …«. Punkterne nummereres automatisk.
clause-number = Punkt { $number }
move-clause-number-up = Flyt punkt { $number } op
move-clause-number-down = Flyt punkt { $number } ned
remove-clause-number = Fjern punkt { $number }
add-a-clause = Tilføj et punkt
motivation = Motivation
separate-paragraphs-with-an-empty-line = Afsnit adskilles af en tom linje. Du kan bruge Markdown: *kursiv*, **fed**, lister med »-«.
the-meeting-that-is-to-consider = Mødet, forslaget skal behandles på, med fristen for at indsende det.
choose-later = Vælg senere
label-deadline-deadline = { $label } – frist { $deadline }
passed = (overskredet)
proposed-by-party = Stillet af (parti)
no-party-proposed-by-the-named = Intet parti – stillet af de navngivne medlemmer
co-signatories-from-members-of = Medunderskrivere fra { $members_of }
choose-members = Vælg medlemmer
case-numbers = Sagsnumre
if-the-proposal-belongs-to-an = Hvis forslaget hører til en eksisterende sag, fx 2025-0124174. Ellers tildeler sekretariatet et.
# proposal_private.html
incoming-proposals = Indkomne forslag
proposal-id-2 = › forslag { $id }
not-saved = Ikke gemt
the-case-number-unknown-cases-is = Sagsnummeret { $unknown_cases } findes ikke i sagsregistret.
the-case-numbers-unknown-cases-are = Sagsnumrene { $unknown_cases } findes ikke i sagsregistret.
check-the-number = Tjek nummeret
under-edit-the-proposal = under Ret forslaget
if-it-is-a-new-case = . Er det en ny sag, opretter sekretariatet den, når forslaget godkendes.
submitted-after-the-deadline = – indsendt efter fristen
for = Stillet til
left-left = – { $left } tilbage
a-proposal-submitted-now-is-marked = et forslag, der indsendes nu, markeres som for sent
proposer = Forslagsstiller
co-signatories = Medunderskrivere
submitted = Indsendt
reason-for-the-late-placement = Begrundelse for sen placering
edit-the-proposal = Ret forslaget
submit-again = Indsend igen
submit-the-proposal = Indsend forslaget
withdraw-the-proposal = Træk forslaget tilbage
delete-the-draft = Slet kladden
the-secretariats-comment = Sekretariatets kommentar
member-proposal = Medlemsforslag
the-secretariats-handling = Sekretariatets behandling
checklist = Tjekliste
case-number = Sagsnummer
assign-a-new-case-number-from = Tildel et nyt sagsnummer fra sagsregistret
e-g-2025-0124174 = fx 2025-0124174
reason-for-putting-the-late-proposal = Begrundelse for at sætte det for sent indsendte forslag på dagsordenen
accept-for-the-agenda = Godkend til dagsordenen
comment-to-the-proposer-when-the = Kommentar til forslagsstilleren (når forslaget sendes retur)
return-with-the-comment = Send retur med kommentaren
versions-of-the-text = Versioner af teksten
version-version-saved = Version { $version }, gemt
compare-with-version = sammenlign med version
outcome-version-version = { $outcome } (version { $version })
history-audit-trail = Historik (revisionsspor)
# public/case.html
case-reference = Sag { $reference }
case-reference-2 = › Sag { $reference }
timeline = Tidslinje
new-outgoing-letter-on-the-case = Nyt udgående brev på sagen
register-an-incoming-letter-on-the = Registrér indgående brev på sagen
# public/feed.html
news-feed-title = Nyhedsfeed: { $title }
news-feed = Nyhedsfeed
a-news-feed-atom-is-used = Et nyhedsfeed (Atom) bruges i en feedlæser, fx i din mailklient eller en app til nyheder: den henter selv de nye dagsordener og beslutningsprotokoller, så snart de er udsendt. Kopiér adressen herunder ind i feedlæseren.
the-feeds-address = Feedets adresse
would-you-rather-have-an-email = Vil du hellere have en e-mail?
follow-by-email-or-in-your = Følg med på e-mail eller i kalenderen
latest-in-the-feed = Det seneste i feedet
nothing-has-been-released-yet = Der er intet udsendt endnu.
# public/index.html
meetings-in-name = Møder i { $name }
agendas-for-the-meetings-of-council = Dagsordener for { $council_genitive } og udvalgenes møder. Dagsordenen offentliggøres, når den er udsendt til medlemmerne.
follow-name = Følg { $name }
by-email-in-your-calendar-or = på e-mail, i kalenderen eller som feed
upcoming-meetings = Kommende møder
no-meetings-planned = Ingen planlagte møder.
recent-meetings = Seneste møder
no-meetings-held = Ingen afholdte møder.
there-are-no-meetings-yet = Der er ingen møder endnu.
# public/login_code.html
log-in-code = Log ind: kode
enter-the-code-from-your-app = Skriv koden fra din app
you-were-not-logged-in = Du blev ikke logget ind
your-account-uses-two-step-verification = Din konto bruger to-trinsbekræftelse. Skriv de seks cifre, som din autentificeringsapp viser lige nu. Har du ikke telefonen, kan du bruge en af dine gendannelseskoder; hver virker én gang.
code = Kode
log-in = Log ind
start-the-login-again = Log ind forfra
# public/logout.html
log-out = Log ud
you-are-logged-in-as-name = Du er logget ind som { $name }.
# public/meeting.html
news-from-organization-name = Nyt fra { $organization_name }
agenda = DAGSORDEN
for-the-meeting-on = for mødet den
at-location = i { $location }
organization-name-kind-label-version-version = { $organization_name } · { $kind_label } · Version { $version }, udsendt
the-meeting-is-cancelled = Mødet er aflyst
the-agenda-as-pdf = Dagsordenen som PDF
the-meeting-in-your-calendar = Mødet i din kalender
minutes = Beslutningsprotokol
the-minutes-as-pdf = Beslutningsprotokollen som PDF
the-decisions-are-under-each-item = . Beslutningerne står under hvert punkt.
present-2 = Til stede:
absent-2 = Fraværende:
approved-by-approvals = Godkendt af: { $approvals }
you-are-reading-version-version = Du læser version { $version }.
read-the-current-version-latest-version = Læs den gældende version { $latest_version }
contents = Indhold
from-source = fra { $source }
attachments = Bilag
closed-items = Lukkede punkter
versions-of-the-agenda = Versioner af dagsordenen
version-version = Version { $version }
released = udsendt
meeting-on = Møde den
the-meeting-is-cancelled-2 = Mødet er aflyst.
the-agenda-has-not-been-released = Dagsordenen er endnu ikke udsendt. Den offentliggøres her, når den er sendt til medlemmerne.
# public/password_change.html
change-password = Skift adgangskode
your-password-has-been-changed-you = Din adgangskode er skiftet. Du er stadig logget ind her; dine andre sessioner er afsluttet.
the-new-password-must-have-at = Den nye adgangskode skal have mindst { $min_chars } tegn; en sætning af flere ord er let at huske og svær at gætte.
the-password-has-not-been-changed = Adgangskoden er ikke skiftet
current-password = Nuværende adgangskode
new-password = Ny adgangskode
repeat-the-new-password = Gentag den nye adgangskode
change-the-password = Skift adgangskoden
two-step-verification = To-trinsbekræftelse
protect-the-secretariats-account-with-a = Beskyt sekretariatets konto med en kode fra en app på telefonen, når du logger ind:
# public/password_forgot.html
forgotten-password = Glemt adgangskode
if-email-belongs-to-an-account = Hvis { $email } hører til en konto, er der nu sendt en mail med et link til at vælge en ny adgangskode. Linket virker én gang og i { $hours } timer. Kommer der ingen mail, så tjek adressen, eller kontakt sekretariatet.
to-the-login = Til login
enter-the-email-address-you-log = Skriv den e-mailadresse, du logger ind med. Hører den til en konto, sender vi et link til at vælge en ny adgangskode.
the-link-has-not-been-sent = Linket er ikke sendt
email-address = E-mailadresse
send-the-link = Send linket
# public/password_reset.html
choose-a-password = Vælg adgangskode
your-password-has-been-saved = Din adgangskode er gemt
with-your-email-address-and-the = med din e-mailadresse og den nye adgangskode.
the-account-email-the-password-must = Kontoen: { $email }. Adgangskoden skal have mindst { $min_chars } tegn; en sætning af flere ord er let at huske og svær at gætte.
the-password-has-not-been-saved = Adgangskoden er ikke gemt
repeat-the-password = Gentag adgangskoden
save-the-password = Gem adgangskoden
# public/proposal.html
the-proposal-is-for = Forslaget er stillet til
consideration = Behandling
the-proposal-has-not-been-put = Forslaget er ikke sat på en udsendt dagsorden endnu.
# public/subscription.html
follow-organization = Følg { $organization }
get-an-email-when-organization-releases = Få en e-mail, når { $organization } udsender en dagsorden eller en tillægsdagsorden. Du bekræfter først din adresse, og hver e-mail har et link til at afmelde.
not-signed-up = Ikke tilmeldt
your-email-address = Din e-mailadresse
follow = Følg med
other-ways-to-follow = Andre måder at følge med
the-meetings-as-a-calendar-icalendar = Møderne som kalender (iCalendar)
subscribe-in-your-calendar = abonnér i din kalender.
the-agendas-and-minutes-as-a = Dagsordenerne og protokollerne som nyhedsfeed (Atom)
for-a-feed-reader = til en feedlæser.
check-your-email = Tjek din e-mail
we-have-sent-a-link-to = Vi har sendt et link til adressen, du skrev. Klik på det for at begynde at følge { $organization }. Linket virker i 7 dage.
confirm-that-you-want-to-follow = Bekræft, at du vil følge { $organization }
address-email = Adresse: { $email }
confirm = Bekræft
you-now-follow-organization = Du følger nu { $organization }
email-gets-an-email-every-time = { $email } får en e-mail, hver gang en dagsorden udsendes. Hver e-mail har et link til at afmelde.
unsubscribe-from-organization = Afmeld { $organization }
unsubscribe = Afmeld
you-are-unsubscribed = Du er afmeldt
email-will-get-no-more-emails = { $email } får ikke flere e-mails om { $organization }s dagsordener.
# public/two_factor.html
password = Adgangskode
two-step-verification-2 = › To-trinsbekræftelse
that-did-not-work = Det lykkedes ikke
two-step-verification-is-for-the = To-trinsbekræftelse er for sekretariatets konti.
your-recovery-codes = Dine gendannelseskoder
each-code-works-once-if-you = Hver kode virker én gang, hvis du ikke har din telefon. Skriv dem ned, eller gem dem et sikkert sted; de vises ikke igen.
i-have-saved-the-codes = Jeg har gemt koderne
add-the-account-to-your-app = Tilføj kontoen i din app
open-an-authenticator-app-e-g = Åbn en autentificeringsapp (fx Microsoft Authenticator, Google Authenticator eller 1Password) og vælg at tilføje en konto med en nøgle.
enter-the-key = Skriv nøglen
time-based-six-digits-or-open = (tidsbaseret, seks cifre), eller åbn
the-link-to-the-app = linket til appen
on-your-phone = på telefonen.
enter-the-code-the-app-shows = Skriv den kode, appen viser, herunder.
code-from-the-app = Kode fra appen
turn-on-two-step-verification = Slå to-trinsbekræftelse til
two-step-verification-is-on = To-trinsbekræftelse er slået til
since-enabled-at = (siden { $enabled_at })
when-you-log-in-you-must = . Når du logger ind, skal du også skrive koden fra din app. Du har { $codes_left } ubrugte gendannelseskoder.
new-recovery-codes = Nye gendannelseskoder
make-new-recovery-codes = Lav nye gendannelseskoder
turn-off-two-step-verification = Slå to-trinsbekræftelse fra
your-password = Din adgangskode
turn-off = Slå fra
with-two-step-verification-you-must = Med to-trinsbekræftelse skal du, ud over adgangskoden, skrive en kode fra en app på din telefon, når du logger ind. Så kan ingen logge ind som dig med adgangskoden alene.
# secretariat/agenda.html
agenda-organization-name-date = Dagsorden: { $organization_name } { $date }
the-agenda-is-released-by = Dagsordenen udsendes senest
on-this-page = På siden
items = Punkter
release-a-supplementary-agenda = Udsend tillægsdagsorden
release-the-agenda = Udsend dagsordenen
accepted-proposals = Godkendte forslag
released-versions = Udsendte versioner
the-proposal = Forslaget
move-title-up = Flyt »{ $title }« op
up = Op
move-title-down = Flyt »{ $title }« ned
down = Ned
make-title-a-closed-item = Gør »{ $title }« til lukket punkt
close = Luk
make-title-an-open-item = Gør »{ $title }« til åbent punkt
open = Åbn
edit-title = Rediger »{ $title }«
edit = Rediger
remove-title-from-the-agenda = Fjern »{ $title }« fra dagsordenen
remove = Fjern
approval-of-the-agenda-always-comes = Godkendelse af dagsordenen står altid først og lukkede punkter altid sidst. Med mus kan punkterne også trækkes på plads.
the-agenda-has-no-items-yet = Dagsordenen har endnu ingen punkter.
add-approval-of-the-agenda-as = Tilføj »Godkendelse af dagsordenen« som første punkt
release-a-supplementary-agenda-version-next = Udsend tillægsdagsorden (version { $next_version })
changed-since-version = Ændret siden version
nothing-has-changed-since-version = Intet er ændret siden version
reason-for-releasing-after-the-deadline = Begrundelse for udsendelse efter fristen
only-after-the-deadline = (kun efter fristen)
the-deadline-has-passed-the-reason = Fristen er overskredet; begrundelsen gemmes med versionen.
all-members-get-an-email-with = Alle medlemmer får en e-mail med link og kalenderinvitation. En udsendt version ændres aldrig; senere ændringer udsendes som tillægsdagsorden.
accepted-proposals-waiting = Godkendte forslag, der venter
put-title-on-the-agenda = Sæt »{ $title }« på dagsordenen
put-on-the-agenda = Sæt på dagsordenen
no-accepted-proposals-are-waiting-for = Ingen godkendte forslag venter på en dagsorden.
add-the-item = Tilføj punktet
the-item-has-not-been-saved = Punktet er ikke gemt
the-meeting-has-begun-been-held = Mødet er begyndt, afholdt eller aflyst; dagsordenen kan ikke længere ændres.
pdf = PDF
by-released-by = af { $released_by }
after-the-deadline-late-reason = Efter fristen: { $late_reason }
the-agenda-has-not-been-released-2 = Dagsordenen er ikke udsendt endnu.
# secretariat/agenda_item_edit.html
edit-item-organization-name-date = Rediger punkt: { $organization_name } { $date }
agenda-2 = Dagsorden
item-item-number = › Punkt { $item_number }
edit-item-item-number = Rediger punkt { $item_number }
item-kind-label-on-the-agenda = { $item_kind_label } på dagsordenen til { $organization_name }s møde
the-proposals-text-is-corrected-on = Forslagets tekst rettes på
the-proposal-2 = forslaget
save-the-item = Gem punktet
public = offentligt
not-public = ikke offentligt
remove-the-attachment-filename = Fjern bilaget { $filename }
the-item-has-no-attachments = Punktet har ingen bilag.
pdf-word-excel-powerpoint-opendocument-images = PDF, Word, Excel, PowerPoint, OpenDocument, billeder, tekst eller CSV; højst { $max_attachment_mb } MB.
public-attachment-on-a-closed-item = Offentligt bilag (på et lukket punkt er intet bilag offentligt)
attach = Vedhæft
# secretariat/agenda_item_fields.html
kind-of-item = Slags punkt
title = Titel
item-number-optional = Punktnummer (valgfrit)
empty-the-number-follows-the-order = Tomt: nummeret følger rækkefølgen. Fx 3a for et indskudt punkt.
closed-item-only-for-the-committees = Lukket punkt (kun for udvalgets medlemmer og sekretariatet)
from-administration-or-organisation-optional = Fra (forvaltning eller organisation, valgfrit)
none-2 = Ingen
the-recommendations-sections-only-for-recommendations = Indstillingens afsnit (kun for indstillinger)
separate-paragraphs-with-an-empty-line-2 = Afsnit adskilles af en tom linje.
# secretariat/decision.html
decision-title = Beslutning: { $title }
decisions-organization-name-date = Beslutninger { $organization_name } { $date }
item-number = › Punkt { $number }
closed-item-2 = lukket punkt
recorded-decision = Registreret beslutning
correct-the-decision = Ret beslutningen
record-the-decision = Registrér beslutningen
outcome = Udfald
vote = Afstemning
leave-the-fields-empty-if-there = Lad felterne stå tomme, hvis der ikke blev stemt. Hvem der stemte: partibogstaver eller navne, adskilt af komma.
for-2 = For
against = Imod
abstained = Undlod
voted-for = For stemte
a-b-f = A, B, F, Ø
voted-against = Imod stemte
abstained-from-voting = Undlod at stemme
the-clauses-when-they-were-voted = At-punkterne, når der blev stemt om dem hver for sig
clause-number-2 = { $number }. at-punkt
as-the-proposal-as-a-whole = Som forslaget i alt
amendments-voted-on-before-the-proposal = Ændringsforslag, stemt om før forslaget
proposed-by = Stillet af
choose = Vælg
the-amendments-text = Ændringsforslagets tekst
notes-in-the-minutes-and-dissenting = Protokolbemærkninger og afvigende meninger
a-dissenting-opinion-can-only-come = En afvigende mening kan kun komme fra nogen, der stemte imod flertallet.
kind = Slags
referred-to-for-the-outcome-referred = Henvist til (ved udfaldet »Henvist«)
for-an-opinion-from = Til udtalelse i
own-wording-of-the-decision = Egen formulering af beslutningen
leave-the-field-empty-and-agendum = Lad feltet stå tomt, så skriver Agendum standardteksten ud fra udfald og afstemning.
save-the-correction = Gem rettelsen
follow-up = Opfølgning
sent-tasks = Sendte opgaver
clause = At-punkt
answered-contributions-of-contributors-contributions-received = { $answered_contributions } af { $contributors } bidrag modtaget
suggested-tasks = Forslag til opgaver
agendum-has-read-the-tasks-out = Agendum har læst opgaverne ud af de vedtagne at-punkter. Ret det, der skal rettes, og send hver opgave for sig. Intet sendes, før du bekræfter.
sent = sendt
waiting-to-be-confirmed = venter på at blive bekræftet
sent-to-lead = sendt til { $lead }
see-the-task = Se opgaven
responsible-administration = Ansvarlig forvaltning
contributing = Bidrager
deadline-hint-written-dd-mm-yyyy = { $deadline_hint } Skrives DD.MM.ÅÅÅÅ.
the-secretariat = Sekretariatet
the-task-3 = Opgaven
confirm-and-send-the-task = Bekræft og send opgaven
the-decision-gives-no-tasks-to = Beslutningen giver ingen opgaver at sende.
# secretariat/decisions.html
decisions-organization-name-date-2 = Beslutninger: { $organization_name } { $date }
attendance = Fremmøde
present-take-part-in-the-meeting = { $present } deltager i mødet (medlemmer til stede og stedfortrædere). Afstemninger skal gå op i det tal.
attendance-has-not-been-recorded-so = Fremmødet er ikke registreret; så tjekkes afstemningerne ikke mod det.
member = Medlem
substitute = Stedfortræder
chair = formand
attendance-for-name = Fremmøde for { $name }
substitute-for-name = Stedfortræder for { $name }
no-other-persons-who-can-be = Der er ingen andre personer registreret, som kan være stedfortrædere.
save-the-attendance = Gem fremmødet
no-members-are-registered-on-the = Der er ingen medlemmer registreret på mødedagen.
item = Punkt
tasks = Opgaver
not-recorded = Ikke registreret
draft-of-version-version = Udkast til version { $version }
correction-reason = (rettelse: { $reason })
waiting-for-approval = venter på godkendelse.
read-the-draft = Læs udkastet
if-you-correct-a-decision-or = . Retter du en beslutning eller fremmødet, skrives udkastet om, og godkendelserne skal gives igen.
approved-by = Godkendes af
approved = Godkendt
recorded-by-the-secretariat = registreret af sekretariatet
approve-as-the-secretariat = Godkend som sekretariatet
record-approval-from-name = Registrér godkendelse fra { $name }
when-the-last-one-has-approved = Når den sidste har godkendt, offentliggøres protokollen på mødets side og som PDF, og den kan derefter ikke ændres; en rettelse bliver en ny version.
correct-the-minutes-what-is-corrected = Ret protokollen: hvad rettes?
this-goes-into-the-new-version = Det står i den nye version. Indtil den er godkendt, kan beslutningerne rettes, og den offentliggjorte version gælder.
start-a-correction = Start en rettelse
items-lack-a-decision = { $undecided ->
    [one] { $undecided } punkt mangler en beslutning.
   *[other] { $undecided } punkter mangler en beslutning.
}
prepare-the-minutes = Udarbejd beslutningsprotokollen
the-minutes-are-prepared-when-the = Protokollen udarbejdes, når beslutningerne er registreret.
version-version-published-published = Version { $version }, offentliggjort { $published }
# secretariat/inbox.html
no-meeting = Intet møde
to-be-handled-submitted-total = Til behandling ({ $submitted_total })
submitted-proposals-by-meeting-check-them = Indsendte forslag efter møde; tjek dem, og godkend dem eller send dem retur
no-proposals-are-waiting-to-be = Ingen forslag venter på behandling.
returned-returned-total = Sendt retur ({ $returned_total })
waiting-for-the-proposer = Venter på forslagsstilleren
accepted-not-on-an-agenda-yet = Godkendt, ikke på en dagsorden endnu ({ $accepted_total })
ready-for-the-agenda = Klar til dagsordenen
# secretariat/letter.html
letter-heading = Brev: { $heading }
letters = Breve
letter = › Brev
not-done = Ikke gjort
case = Sag
direction = Retning
approved-approved-at = godkendt { $approved_at }
sent-sent-at = sendt { $sent_at }
public-2 = Offentligt
yes-on-the-case-and-in = Ja, på sagen og i API'et
when-it-has-been-sent = når det er sendt
no-only-for-the-secretariat = Nej, kun for sekretariatet
reply-to-2 = Svar på
put-on-the-agenda-as-an = Sat på dagsordenen som orienteringspunkt
the-letter-as-pdf = Brevet som PDF
the-original-letter-original = Det originale brev ({ $original })
the-letters-text = Brevets tekst
actions = Handlinger
the-letter-has-been-sent-and = Brevet er sendt og kan ikke ændres. Skal noget rettes, skrives et nyt brev.
edit-the-letter = Ret brevet
approve-the-letter = Godkend brevet
send-the-letter-to-recipient-email = Send brevet til { $recipient_email }
make-it-a-draft-again = Gør til kladde igen
make-it-not-public = Gør ikke-offentligt
make-it-public = Gør offentligt
the-letter-is-sent-as-an = Brevet sendes som e-mail med PDF'en vedhæftet, gennem den udgående post. Derefter er det låst.
write-a-reply = Skriv svar
put-the-letter-on-the-agenda = Sæt brevet på dagsordenen for
an-information-item-on-the-case = Et orienteringspunkt på sagen, med brevet som bilag
and-the-original-letter-for-the = og det originale brev for medlemmerne
the-letter-is-not-public-so = Brevet er ikke offentligt, så punktet bliver lukket.
history = Historik
# secretariat/letter_form.html
the-letter = Brevet
the-letter-has-not-been-saved = Brevet er ikke gemt
reply-to-the-letter-from = Svar på brevet fra
the-case = Sagen
yyyy-nnnnnnn-e-g-2021-0041276 = ÅÅÅÅ-NNNNNNN, fx 2021-0041276.
the-case-2 = Sagen:
the-cases-title-if-the-case = Sagens titel, hvis sagen er ny
only-filled-in-when-the-case = Udfyldes kun, når sagen ikke findes endnu; så oprettes den.
sender-and-date = Afsender og dato
sender = Afsender
the-letter-is-sent-with-the = Brevet sendes med afsenderens brevhoved. Ret brevhoveder under
letterheads = Brevhoveder
choose-the-sender-if-it-is = Vælg afsenderen, hvis den er på listen; ellers skriv navnet nedenfor.
choose-a-sender = Vælg afsender
not-on-the-list = Ikke på listen
the-senders-name-if-it-is = Afsenderens navn, hvis den ikke er på listen
the-letters-date = Brevets dato
dd-mm-yyyy = DD.MM.ÅÅÅÅ.
recipient = Modtager
name = Navn
e-g-the-minister-for-the = Fx Indenrigs- og boligministeren.
title-or-attention-optional = Titel eller att. (valgfri)
the-letter-is-sent-here-with = Brevet sendes hertil med PDF'en vedhæftet.
email-address-optional = E-mailadresse (valgfri)
opening-greeting-optional = Indledende hilsen (valgfri)
e-g-dear-kaare-dybvad-bek = Fx Kære Kaare Dybvad Bek.
separate-paragraphs-with-an-empty-line-3 = Afsnit adskilles af en tom linje. **Fed**, *kursiv*, lister og links kan skrives som Markdown.
can-be-left-out-when-the = Kan udelades, når det originale brev vedhæftes.
closing-greeting = Afsluttende hilsen
signatories = Underskrivere
stand-side-by-side-below-the = Står side om side under brevet.
at-least-one = Mindst én.
signatory-n-name = Underskriver { $n }: navn
signatory-n-title = Underskriver { $n }: titel
the-original-letter-optional = Det originale brev (valgfrit)
pdf-word-image-or-text-as = PDF, Word, billede eller tekst, som det blev modtaget.
public-letter-shown-on-the-case = Offentligt brev: vises på sagen og i API'et for alle
register-the-letter = Registrér brevet
save = Gem
# secretariat/letterheads.html
letterheads-2 = › Brevhoveder
a-letterhead-stands-on-every-page = Et brevhoved står på hver side af organisationens breve: navn, adresse, webadresse og eventuelt logo. Udgående breve kan sendes fra kommunens egne organisationer med en adresse; eksterne organisationer som KL står kun som afsendere af indgående breve.
can-send-letters = kan sende breve
address-one-line-per-line = Adresse, én linje pr. linje
web-address = Webadresse
logo-png-or-jpeg = Logo (PNG eller JPEG)
the-logo-of-name = Logoet for { $name }
remove-the-logo = Fjern logoet
save-the-letterhead-of-name = Gem brevhoved for { $name }
# secretariat/letters.html
new-outgoing-letter = Nyt udgående brev
register-an-incoming-letter = Registrér indgående brev
total-letters-newest-first = { $total } breve, nyeste først
letter-2 = Brev
page-page = Side { $page }
there-are-no-letters-yet = Der er ingen breve endnu.
# secretariat/meeting_edit.html
edit-the-meeting = Ret mødet
edit-the-meeting-2 = › Ret mødet
the-meetings-page = Mødets side
the-agenda-has-been-released-if = Dagsordenen er udsendt. Flyttes mødet, står det nye tidspunkt straks på mødets side og i kalenderen; udsend dagsordenen igen (et tillæg), så medlemmerne får det med.
the-meeting-has-not-been-changed = Mødet er ikke ændret
time = Klokkeslæt
danish-time-e-g-17-30 = Dansk tid, fx 17:30
place = Sted
kind-of-meeting = Slags møde
save-the-changes = Gem ændringerne
the-meeting-has-begun-been-held-2 = Mødet er begyndt, afholdt eller aflyst og kan ikke længere ændres.
# secretariat/meeting_plan.html
plan-a-year = Planlæg et år
plan-a-year-2 = › Planlæg et år
plan-a-years-meetings = Planlæg et års møder
all-meetings-of-a-committee-in = Alle møder for et udvalg i én arbejdsgang: ugedag, hyppighed, klokkeslæt og sted. Helligdage, kommunens
closing-days = lukkedage
days-that-already-have-a-meeting = dage med et møde i forvejen og de datoer, I skriver, springes over. Se datoerne først; hvert møde kan bagefter flyttes for sig.
the-plan-has-not-been-made = Planen er ikke lavet
committee = Udvalg
from-2 = Fra og med
up-to-and-including = Til og med
at-most-a-year-later = Højst et år efter
weekday = Ugedag
how-often = Hvor ofte
skip-optional = Spring over (valgfrit)
dates-or-periods-one-per-line = Datoer eller perioder, én pr. linje, fx
or = eller
see-the-dates = Se datoerne
plan-meetings-meetings = Planlæg { $meetings } møder
organization-name-meetings-meetings = { $organization_name }: { $meetings } møder
no-meeting-skipped = Intet møde: { $skipped }
# secretariat/meetings.html
plan-a-whole-years-meetings = Planlæg et helt års møder
deadline-rules-and-closing-days = Fristregler og lukkedage
the-deadlines-follow-from-each-committees = Fristerne følger af hvert udvalgs regler; arbejdsdage springer weekender, helligdage og lukkedage over.
deadline-for-member-proposals = Frist for medlemsforslag
agenda-released-by = Dagsorden udsendes senest
build-and-release-the-agenda = Byg og udsend dagsordenen
there-are-no-upcoming-meetings = Der er ingen kommende møder.
meetings-held-decisions-and-follow-up = Afholdte møder: beslutninger og opfølgning
there-are-no-meetings-held-with = Der er ingen afholdte møder med udsendt dagsorden.
who-approves-the-minutes = Hvem godkender beslutningsprotokollen
who-approves-the-minutes-of-name = Hvem godkender protokollen for { $name }
plan-a-meeting = Planlæg et møde
the-meeting-has-not-been-created = Mødet er ikke oprettet
meeting-type = Mødetype
create-the-meeting = Opret mødet
# secretariat/outbox.html
outgoing-mail = Udgående post
all-mail-agendum-sends-goes-through = Al post, Agendum sender, går gennem udbakken. Beskeder, der ikke kan leveres, prøves igen med stigende mellemrum; en besked, som modtagerens server afviser, eller som har brugt alle forsøg, bliver opgivet og kan sendes igen herfra.
total-messages-page-page-of-pages = { $total } beskeder, side { $page } af { $pages }
created = Oprettet
attempts-attempts = { $attempts } forsøg
no-messages-here = Ingen beskeder her.
# secretariat/outbox_message.html
message-id = › besked { $id }
next-attempt = næste forsøg
attempts = Forsøg
last-error = Seneste fejl
concerns = Vedrører
send-again = Send igen
# secretariat/settings.html
settings = Indstillinger
settings-for-municipality = Indstillinger for { $municipality }
the-municipality = Kommunen
the-municipalitys-name-stands-at-the = Kommunens navn står øverst på hver side, på forsiden, i mails og i dokumenter.
the-settings-have-not-been-saved = Indstillingerne er ikke gemt
the-municipalitys-name = Kommunens navn
e-g-aarhus-municipality = Fx Aarhus Kommune
web-address-optional = Webadresse (valgfri)
e-g-https-www-aarhus-dk = Fx https://www.aarhus.dk
the-municipal-council-is-called = Kommunalbestyrelsen hedder
language-of-mails = Sprog i mails
for-recipients-who-have-not-chosen = Til modtagere, der ikke selv har valgt sprog.
form-of-case-numbers = Sagsnumrenes form
as-in-your-case-system-yyyy = Som i jeres sagssystem: ÅÅÅÅ-NNNNNNN (fx 2025-0124174), ÅÅ/NNNNN (fx 25/12345) eller med punktum. Nye sagsnumre får denne form; sagsnumre i de andre former kan stadig skrives.
save-the-settings = Gem indstillingerne
logo = Logo
the-logo-has-not-been-saved = Logoet er ikke gemt
logo-in-the-page-header-png = Logo i sidehovedet (PNG eller JPEG, højst 512 kB)
the-current-logo = Det nuværende logo
save-the-logo = Gem logoet
organisations = Organisationer
active = Aktive
deactivated = Deaktiverede
municipal-council-committees-parties-administrations-and = Kommunalbestyrelse, udvalg, partier, forvaltninger og eksterne organisationer
persons-and-memberships = Personer og medlemskaber
persons-persons-in-the-register = { $persons } personer i registret.
persons-memberships-and-substitutes = Personer, medlemskaber og stedfortrædere
import-members-from-a-file = Indlæs medlemmer fra en fil
accounts = Konti
accounts-invite-change-role-deactivate = Konti: invitér, skift rolle, deaktivér
electoral-terms = Valgperioder
current-electoral-term-period = Nuværende valgperiode: { $period }.
no-electoral-term-has-been-registered = Der er ikke registreret nogen valgperiode.
meetings-deadlines-and-who-approves-the = Møder, frister og hvem der godkender protokollen
# secretariat/settings_account.html
deactivated-2 = (deaktiveret)
the-change-has-not-been-saved = Ændringen er ikke gemt
the-changes-have-not-been-saved = Ændringerne er ikke gemt
save-the-account = Gem kontoen
deactivate = Deaktivér
reactivate = Genaktivér
a-deactivated-account-cannot-log-in = En deaktiveret konto kan ikke logge ind; dens sessioner og API-nøgler tilbagekaldes med det samme. Historikken bevares.
you-cannot-deactivate-your-own-account = Du kan ikke deaktivere din egen konto.
the-account-is-deactivated-reactivate-it = Kontoen er deaktiveret. Genaktivér den, hvis personen igen skal kunne logge ind med sin adgangskode.
deactivate-the-account = Deaktivér kontoen
reactivate-the-account = Genaktivér kontoen
the-account-logs-in-with-a = Kontoen logger ind med adgangskode og en kode fra en app.
if-the-person-has-lost-both = Har personen mistet både telefonen og gendannelseskoderne, kan du slå det fra; så logger kontoen ind med adgangskoden alene, til den slår det til igen.
the-account-does-not-use-two = Kontoen bruger ikke to-trinsbekræftelse.
# secretariat/settings_account_fields.html
name-optional = Navn (valgfrit)
empty-the-persons-name-otherwise-the = Tomt: personens navn, ellers adressen.
role = Rolle
person-politician-and-chair = Person (politiker og formand)
the-person-in-the-register-the = Den person i registret, kontoen handler som: partiet og udvalgene følger af personens medlemskaber.
administration-administration-staff-optional-for-the = Forvaltning (forvaltningsmedarbejdere; valgfri for sekretariatet)
# secretariat/settings_accounts.html
accounts-2 = › Konti
email = E-mail
active-2 = Aktiv
deactivated-3 = Deaktiveret
invite-a-person = Invitér en person
the-person-gets-a-mail-with = Personen får en mail med et link til at vælge sin adgangskode. Linket virker én gang og i tre døgn.
the-invitation-has-not-been-sent = Invitationen er ikke sendt
send-the-invitation = Send invitationen
# secretariat/settings_import.html
import-members = Indlæs medlemmer
import-members-2 = › Indlæs medlemmer
the-file-cannot-be-imported = Filen kan ikke indlæses
what-the-file-will-change = Det vil filen ændre
new-created-changed-changed-unchanged-unchanged = { $new } oprettes, { $changed } ændres, { $unchanged } er uændrede
refused-refused = { $refused } er afvist
nothing-has-been-saved-yet = . Intet er gemt endnu.
correct-these-rows-and-import-the = Ret disse rækker, og indlæs filen igen
line = Linje
details = Detaljer
what-happens = Hvad sker der
import-the-file-new-created-changed = Indlæs filen: { $new } oprettes, { $changed } ændres
the-file-changes-nothing-everything-is = Filen ændrer intet: alt står allerede i registret.
choose-a-file = Vælg en fil
the-file-cannot-be-read = Filen kan ikke læses
a-csv-file-utf-8-comma = En CSV-fil (UTF-8, komma eller semikolon mellem felterne, højst { $max_mb } MB) med partier, udvalg, forvaltninger, personer og medlemskaber, én pr. linje. Du ser, hvad filen ændrer, før noget gemmes, og en fil, der indlæses to gange, ændrer intet anden gang.
file = Fil
see-what-the-file-changes = Se, hvad filen ændrer
the-files-format = Filens format
the-first-line-is-the-header = Første linje er overskriften med kolonnernes navne:
only = . Kun
and = og
are-required-the-columns-may-stand = skal være med; kolonnerne må stå i vilkårlig rækkefølge.
organisations-2 = Organisationer:
abbreviation-or-list-letter = (forkortelse eller listebogstav),
an-administrations-address = (en forvaltnings adresse),
the-one-it-belongs-under = (den, den hører under).
persons = Personer:
a-person-is-recognised-by-the = en person genkendes på e-mailadressen, ellers på navnet.
memberships-the-persons = Medlemskaber: personens
the-municipal-council-the-committee-or = (kommunalbestyrelsen, udvalget eller partiet, ved navn eller forkortelse),
dd-mm-yyyy-and = (DD.MM.ÅÅÅÅ) og
a-substitutes-place-the-person-is = (en stedfortræders plads). Personen oprettes, hvis den ikke findes.
# secretariat/settings_membership.html
persons-2 = Personer
membership = › Medlemskab
person-name-in = { $person_name } i
a-membership-is-ended-by-giving = Et medlemskab afsluttes ved at give det en sidste dag. Det slettes aldrig: møder, fremmøde og afstemninger bruger medlemskaberne på mødets dato.
save-the-membership = Gem medlemskabet
# secretariat/settings_membership_fields.html
for-the-party-optional = For partiet (valgfri)
the-party-a-member-or-a = Det parti, et medlem eller en stedfortræder sidder for.
no-party = Intet parti
up-to-and-including-optional = Til og med (valgfri)
the-last-day-empty-until-further = Den sidste dag. Tomt: indtil videre.
the-substitutes-place-optional = Stedfortræderens plads (valgfri)
only-for-substitutes-1-is-called = Kun for stedfortrædere: 1 kaldes først. Tomt: sidst i partiets rækkefølge.
# secretariat/settings_organization.html
deactivated-4 = deaktiveret
abbreviation-or-list-letter-optional = Forkortelse eller listebogstav (valgfri)
save-name = Gem { $name }
letterhead-address-and-logo = Brevhoved (adresse og logo)
a-deactivated-organisation-keeps-its-history = En deaktiveret organisation beholder sin historik (møder, opgaver, medlemskaber, breve), men får intet nyt: en forvaltning ingen nye opgaver, et udvalg ingen nye møder eller medlemmer.
the-organisation-is-deactivated-reactivate-it = Organisationen er deaktiveret. Genaktivér den, hvis den igen skal have møder, medlemmer eller opgaver.
deactivate-name = Deaktivér { $name }
reactivate-name = Genaktivér { $name }
members = Medlemmer
party = Parti
no-position = nr. { $position }
no-members-memberships-are-added-on = Ingen medlemmer. Medlemskaber tilføjes på personernes sider.
# secretariat/settings_organization_fields.html
email-addresses = E-mailadresser
one-per-line-an-administration-must = Én pr. linje. En forvaltning skal have mindst én: den første får opfølgningsopgaverne, de øvrige en kopi.
belongs-under-optional = Hører under (valgfri)
a-committee-under-the-municipal-council = Et udvalg under kommunalbestyrelsen, en forvaltning under sit udvalg.
# secretariat/settings_organizations.html
organisations-3 = › Organisationer
abbreviation = Forkortelse
belongs-under = Hører under
there-are-no-organisations-yet-begin = Der er endnu ingen organisationer. Begynd med kommunalbestyrelsen.
create-an-organisation = Opret en organisation
the-organisation-has-not-been-created = Organisationen er ikke oprettet
e-g-finance-committee-social-democrats = Fx Økonomiudvalget, Socialdemokratiet, Økonomiforvaltningen
e-g-u-kf-or-a = Fx ØU, ØKF eller A
create-the-organisation = Opret organisationen
# secretariat/settings_periods.html
electoral-terms-2 = › Valgperioder
electoral-term = Valgperiode
begin-a-new-electoral-term = Begynd en ny valgperiode
the-previous-electoral-term-and-all = Den forrige valgperiode og alle medlemskaber af kommunalbestyrelsen og udvalgene (stedfortrædernes med), der løber ind i den nye, slutter dagen før dens første dag. Medlemskaber, der allerede er oprettet til den nye periode (fra dens første dag eller senere), bliver stående. Partimedlemskaber fortsætter.
the-electoral-term-has-not-begun = Valgperioden er ikke begyndt
first-day = Første dag
empty-the-years-e-g-2026 = Tomt: årene, fx 2026–2029
begin-the-electoral-term = Begynd valgperioden
# secretariat/settings_person.html
memberships = Medlemskaber
organisation = Organisation
name-has-no-memberships = { $name } har ingen medlemskaber.
add-a-membership = Tilføj et medlemskab
the-membership-has-not-been-added = Medlemskabet er ikke tilføjet
add-the-membership = Tilføj medlemskabet
# secretariat/settings_person_fields.html
title-optional = Titel (valgfri)
e-g-alderman-or-member-of = Fx Rådmand eller Medlem af kommunalbestyrelsen
email-optional = E-mail (valgfri)
agendas-are-sent-here = Dagsordener sendes hertil.
# secretariat/settings_persons.html
persons-3 = › Personer
total-persons-members-substitutes-and-others = { $total } personer: medlemmer, stedfortrædere og andre, der kan have et medlemskab.
memberships-today = Medlemskaber i dag
there-are-no-persons-yet = Der er endnu ingen personer.
create-a-person = Opret en person
the-person-has-not-been-created = Personen er ikke oprettet
create-the-person = Opret personen
# secretariat/settings_rules.html
deadlines-and-closing-days = Frister og lukkedage
deadlines-and-closing-days-2 = › Frister og lukkedage
each-committee-has-two-deadlines-by = Hvert udvalg har to frister: hvornår medlemsforslag senest skal være indsendt, og hvornår dagsordenen senest udsendes. Arbejdsdage springer weekender, helligdage og kommunens lukkedage over. Et møde planlægges i
a-whole-years-meetings-in = et helt års møder i
member-proposals-by-proposal-rule-the = Medlemsforslag senest { $proposal_rule }. Dagsordenen udsendes senest { $release_rule }.
the-next-meetings-deadlines-under-the = De næste møders frister efter reglerne
there-are-no-planned-meetings = Der er ingen planlagte møder.
the-rules-have-not-been-saved = Reglerne er ikke gemt
counted-as = Regnes som
number-of-days-days-or-working = Antal dage (dage eller arbejdsdage)
weekday-a-weekday-in-the-week = Ugedag (en ugedag i ugen før mødet)
time-empty-the-meetings-own = Klokkeslæt (tomt: mødets eget)
save-the-deadlines-for-name = Gem fristerne for { $name }
there-is-no-municipal-council-or = Der er endnu ingen kommunalbestyrelse eller udvalg. Opret dem under
closing-days-2 = Lukkedage
besides-weekends-and-public-holidays-the = Ud over weekender og helligdage er kommunens kontorer lukket på disse dage. Fristerne i arbejdsdage regnes uden om dem, og en årsplan springer dem over.
the-closing-days-have-not-been = Lukkedagene er ikke gemt
constitution-day-5-june = Grundlovsdag (5. juni)
christmas-eve-24-december = Juleaftensdag (24. december)
new-years-eve-31-december = Nytårsaftensdag (31. december)
other-closing-days = Andre lukkedage
one-per-line-date-and-name = Én pr. linje: dato og navn, fx »
closing-day-between-christmas-and-new = Lukkedag mellem jul og nytår«.
save-the-closing-days = Gem lukkedagene
public-holidays = Helligdage
the-public-holidays-are-worked-out = Helligdagene regnes ud for hvert år og behøver ikke at blive skrevet.
# secretariat/task.html
task-lead-clause-clause = Opgave: { $lead }, { $clause }. at-punkt
lead-clause-clause = { $lead }: { $clause }. at-punkt
sent-2 = Sendt
request-for-a-new-deadline = Ønske om ny frist
lead-asks-for-the-deadline-proposed = { $lead } beder om fristen { $proposed_deadline }: { $extension_reason }
approve-proposed-deadline = Godkend { $proposed_deadline }
refuse = Afvis
contributions = Bidrag
seen-not-answered-yet = set, endnu ikke besvaret
lead-has-not-answered-yet = { $lead } har endnu ikke svaret.
overview-of-the-answer = Oversigt over svaret
the-overview = Oversigten
the-overview-as-pdf = Oversigten som PDF
the-answer-and-all-contributions-together = (svaret og alle bidrag samlet)
the-answer-has-been-put-on = Svaret er sat på
the-agenda-2 = dagsordenen
put-the-answer-on-the-agenda = Sæt svaret på dagsordenen for
an-information-item-from-lead-on = Et orienteringspunkt fra { $lead } på sagen, med svaret som tekst og oversigten som bilag.
none-of-the-committees = Ingen af udvalgene
has-any-upcoming-meetings-to-put = har ingen kommende møder at sætte svaret på. Planlæg et møde under
dd-mm-yyyy-the-administrations-are = DD.MM.ÅÅÅÅ. Forvaltningerne får besked og en ny kalenderfil.
move-the-deadline = Flyt fristen
send-new-links = Send nye links
withdraw-the-links = Træk linkene tilbage
close-the-task = Luk opgaven
new-links-are-sent-to-the = Nye links sendes til den ansvarlige og til dem, der mangler at bidrage; de gamle links holder op med at virke.
# secretariat/task_overview.html
overview = › Oversigt
attached-files-2 = Vedhæftet: { $files }
no-contribution-received = Intet bidrag modtaget.
# secretariat/tasks.html
follow-up-on-decisions = Opfølgning på beslutninger
tasks-sent-to-the-administrations-as = Opgaver sendt til forvaltningerne, pr. { $today }.
overview-2 = Overblik
figure-tasks-per-responsible-administration = Figur: opgaver pr. ansvarlig forvaltning
tasks-per-responsible-administration = Opgaver pr. ansvarlig forvaltning
open-overdue-and-answered-tasks-the = Åbne, overskredne og besvarede opgaver; tallene står i tabellen under figuren.
open-2 = Åbne
overdue-2 = Overskredne
answered = Besvarede
tasks-per-responsible-administration-contributions-from = Opgaver pr. ansvarlig forvaltning; bidrag fra andre forvaltninger tælles under den ansvarlige.
administration = Forvaltning
closed = Lukkede
total = I alt
no-tasks-have-been-sent-yet = Der er endnu ikke sendt nogen opgaver. Opgaver sendes fra et mødes beslutninger under
requests-for-a-new-deadline = Ønsker om ny frist
lead-clause-clause-2 = { $lead }, { $clause }. at-punkt
wants-more-time-now-deadline = ønsker { $more_time } (nu { $deadline })
all = Alle
show = Vis
answered-contributions-of-contributors-contributions = { $answered_contributions } af { $contributors } bidrag
wants-more-time = ønsker { $more_time }
tasks-count = { $total ->
    [one] { $total } opgave.
   *[other] { $total } opgaver.
}
page-page-of-pages = Side { $page } af { $pages }
no-tasks-match-the-choice = Ingen opgaver passer til valget.

## Labels of closed sets of values (`text_enum!`): the key is the type and the stored value

Role-secretariat = Sekretariat
Role-politician = Politiker
Role-administration = Forvaltning
Role-chair = Formand
PasswordLinkPurpose-set = Vælg adgangskode
PasswordLinkPurpose-reset = Ny adgangskode
AgendaItemKind-approval_of_agenda = Godkendelse af dagsordenen
AgendaItemKind-member_proposal = Medlemsforslag
AgendaItemKind-recommendation = Indstilling
AgendaItemKind-orientation = Orientering
AgendaItemKind-letter = Henvendelse
AgendaItemKind-question = Forespørgsel
AgendaItemKind-other = Punkt
Outcome-adopted = Tiltrådt
Outcome-rejected = Forkastet
Outcome-referred = Henvist
Outcome-postponed = Udsat
Outcome-removed = Taget af dagsordenen
Outcome-withdrawn = Trukket
Outcome-noted = Taget til efterretning
Outcome-second_reading = Oversendt til 2. behandling
StatementKind-protocol_note = Protokolbemærkning
StatementKind-dissent = Afvigende mening
Lang-da = Dansk
Lang-en = English
LetterDirection-incoming = Indgående
LetterDirection-outgoing = Udgående
LetterStatus-registered = Registreret
LetterStatus-draft = Kladde
LetterStatus-approved = Godkendt
LetterStatus-sent = Sendt
MeetingStatus-planned = Planlagt
MeetingStatus-agenda_released = Dagsorden udsendt
MeetingStatus-held = Afholdt
MeetingStatus-minutes_published = Beslutningsprotokol offentliggjort
MeetingStatus-cancelled = Aflyst
MeetingKind-regular = Ordinært møde
MeetingKind-extraordinary = Ekstraordinært møde
AttendanceStatus-present = Til stede
AttendanceStatus-absent = Fraværende
AttendanceStatus-substitute = Stedfortræder
SignerRule-chair_and_secretariat = Formanden og sekretariatet
SignerRule-all_participants = Alle mødets deltagere
CouncilTitle-kommunalbestyrelse = Kommunalbestyrelsen
CouncilTitle-byraad = Byrådet
CouncilTitle-borgerrepraesentationen = Borgerrepræsentationen
CouncilTitle-regionsraad = Regionsrådet
OrganizationKind-council = Kommunalbestyrelse
OrganizationKind-committee = Udvalg
OrganizationKind-party = Parti
OrganizationKind-administration = Forvaltning
OrganizationKind-external = Ekstern organisation
MembershipRole-member = Medlem
MembershipRole-chair = Formand
MembershipRole-vice_chair = Næstformand
MembershipRole-substitute = Stedfortræder
MembershipRole-staff = Medarbejder
ProposalStatus-draft = Kladde
ProposalStatus-submitted = Indsendt
ProposalStatus-returned = Sendt retur
ProposalStatus-accepted = Godkendt til dagsorden
ProposalStatus-on_agenda = På dagsordenen
ProposalStatus-decided = Behandlet
ProposalStatus-in_follow_up = I opfølgning
ProposalStatus-closed = Afsluttet
ProposalStatus-withdrawn = Trukket
SubmitterRole-proposer = Forslagsstiller
SubmitterRole-cosigner = Medunderskriver
SubscriptionStatus-pending = Afventer bekræftelse
SubscriptionStatus-confirmed = Bekræftet
SubscriptionStatus-unsubscribed = Afmeldt
ContributionStatus-requested = Bedt om bidrag
ContributionStatus-seen = Set
ContributionStatus-answered = Bidrag givet
TaskStatus-sent = Sendt
TaskStatus-seen = Set
TaskStatus-in_progress = Under behandling
TaskStatus-answered = Besvaret
TaskStatus-presented = Forelagt
TaskStatus-closed = Afsluttet

## Statuses and phrases written in code

meeting-status-not-released = Dagsorden ikke udsendt
meeting-status-today = Holdes i dag
meeting-status-minutes-follow = Afholdt – beslutningsprotokollen følger
proposal-meeting-bound-for = Skal behandles på
proposal-meeting-on-agenda = På dagsordenen for
proposal-meeting-treated = Behandlet på
proposal-status-awaiting-new-treatment = Afventer ny behandling
deadline-rule-at = kl. { $time }
deadline-rule-days = { $days ->
    [one] { $days } dag før mødet
   *[other] { $days } dage før mødet
}
deadline-rule-working-days = { $days ->
    [one] { $days } arbejdsdag før mødet
   *[other] { $days } arbejdsdage før mødet
}
deadline-rule-weekday = { $weekday } kl. { $time } i ugen før mødet
unit-days = { $count ->
    [one] { $count } dag
   *[other] { $count } dage
}
unit-hours = { $count ->
    [one] { $count } time
   *[other] { $count } timer
}
unit-minutes = { $count ->
    [one] { $count } minut
   *[other] { $count } minutter
}
unit-under-a-minute = under et minut
council-genitive-kommunalbestyrelse = kommunalbestyrelsens
council-genitive-byraad = byrådets
council-genitive-borgerrepraesentationen = Borgerrepræsentationens
council-genitive-regionsraad = regionsrådets
task-origin-meeting = { $organization } { $date }, punkt { $item }

## The audit log: "sendt igen af BR-sekretariatet"

audit-line = { $action } af { $actor }
audit-outbox-requeued = sendt igen
audit-user-created = konto oprettet
audit-token-created = API-nøgle oprettet
audit-proposal-created = oprettet
audit-proposal-edited = rettet
audit-proposal-submitted = indsendt
audit-proposal-resubmitted = indsendt igen
audit-proposal-returned = sendt retur
audit-proposal-accepted = godkendt
audit-proposal-withdrawn = trukket tilbage
audit-meeting-planned = planlagt
audit-letter-drafted = skrevet som kladde
audit-letter-registered = registreret
audit-letter-edited = rettet
audit-letter-approved = godkendt
audit-letter-reopened = gjort til kladde igen
audit-letter-sent = sendt
audit-letter-published = gjort offentligt
audit-letter-unpublished = gjort ikke-offentligt
audit-letter-on-agenda = sat på dagsordenen

## The news feed (Atom) and the minutes' version lines

feed-title = { $name }: dagsordener og beslutninger
feed-minutes-published = Beslutningsprotokol offentliggjort: mødet { $when }
feed-minutes-corrected = Rettet beslutningsprotokol (version { $version }): mødet { $when }
feed-minutes-summary = { $organization } i { $location }: beslutningerne står på mødets side og i protokollen som PDF.
feed-agenda-released = Dagsorden udsendt: mødet { $when }
feed-agenda-supplement = Tillægsdagsorden (version { $version }): mødet { $when }
feed-closed-item = { $number }. { $title } (lukket punkt)
feed-meeting-place = { $organization } i { $location }
minutes-version-published = Version { $version }, godkendt og offentliggjort { $date }
minutes-version-draft = Udkast til version { $version }, ikke godkendt
minutes-correction = . Rettelse: { $reason }
minutes-approved = { $name } ({ $role }), godkendt { $date }
minutes-on-behalf = , registreret af sekretariatet
minutes-approval-missing = { $name } ({ $role }): mangler

## Documents (agenda, minutes, overview, letters): the fixed words around the council's text

doc-agenda-heading = DAGSORDEN
doc-agenda-title = Dagsorden for { $organization } { $date }
doc-agenda-subtitle = for mødet den { $date }, kl. { $time } i { $location }
doc-supplement-heading = Tillægsdagsorden (version { $version }). Ændringer:
doc-kind-from = { $kind } fra { $source }
doc-minutes-heading = BESLUTNINGSPROTOKOL
doc-minutes-title = Beslutningsprotokol for { $organization } { $date }
doc-minutes-subtitle = { $organization }, mødet den { $date }, kl. { $time } i { $location }
doc-substitute-for = , stedfortræder for { $name }
doc-no-decision = Ingen beslutning.
doc-statement = { $kind } fra { $by }: { $text }
doc-date-line = Dato: { $date }
doc-closed-item = Lukket punkt
doc-motivation = Motivation
doc-attachments = Bilag
doc-page-of = Side {"{"}n{"}"} af {"{"}m{"}"}
doc-draft = UDKAST
doc-present = Til stede
doc-absent = Fraværende
doc-decision = Beslutning:
doc-approved = Godkendt
doc-the-decision = Beslutningen
doc-answer-from = Svar fra {"{"}lead{"}"}
doc-attached = Vedhæftet: {"{"}files{"}"}
doc-not-answered = {"{"}lead{"}"} har endnu ikke svaret.
doc-contributions = Bidrag
doc-no-contribution = Intet bidrag modtaget.
subscription-language = Sprog i e-mailene
ics-task-deadline = Frist: opfølgning på { $clause }. at-punkt ({ $lead })

## Receipts and mail lines written in code

mail-meeting-line = { $organization }s møde { $when }
receipt-on-time-for-meeting = Kvittering for forslag nr. { $number }: indsendt til { $meeting } { $submitted }, inden fristen { $deadline }. Kvitteringen er også sendt til din mail.
receipt-on-time = Kvittering for forslag nr. { $number }: indsendt { $submitted }, inden fristen { $deadline }. Kvitteringen er også sendt til din mail.
receipt-late-for-meeting = Kvittering for forslag nr. { $number }: indsendt til { $meeting } { $submitted }, efter fristen { $deadline }; sekretariatet afgør, om det kan komme på dagsordenen. Kvitteringen er også sendt til din mail.
receipt-late = Kvittering for forslag nr. { $number }: indsendt { $submitted }, efter fristen { $deadline }; sekretariatet afgør, om det kan komme på dagsordenen. Kvitteringen er også sendt til din mail.

## Errors: what a person is told when something cannot be done

error-the-meeting-does-not-exist = Mødet findes ikke.
error-the-agenda-has-been-changed-by = Dagsordenen er ændret af en anden, siden du åbnede den. Din ændring er ikke gemt; se dagsordenen, som den er nu, og gør det igen.
error-the-meeting-is-cancelled-the-agenda = Mødet er aflyst; dagsordenen kan ikke ændres.
error-the-meeting-has-begun-or-been = Mødet er begyndt eller afholdt; dagsordenen kan ikke længere ændres.
error-the-item-is-not-on-the = Punktet findes ikke på dagsordenen.
error-the-approval-of-the-agenda-is = Godkendelse af dagsordenen er altid et åbent punkt.
error-the-proposal-does-not-exist = Forslaget findes ikke.
error-the-proposal-is-for-not-for = Forslaget er til { $organization_name }, ikke til { $organization_name1 }.
error-only-accepted-proposals-can-be-put = Kun godkendte forslag kan sættes på en dagsorden; forslaget er »{ $arg0 }«.
error-the-meeting-is-cancelled-its-agenda = Mødet er aflyst; dets dagsorden kan ikke udsendes.
error-the-meeting-has-begun-or-been-2 = Mødet er begyndt eller afholdt; dagsordenen kan ikke længere udsendes.
error-the-deadline-for-releasing-the-agenda = Fristen for at udsende dagsordenen var { $arg0 }. Skriv en begrundelse for at udsende den efter fristen; den gemmes med versionen.
error-nothing-has-changed-since-version-there = Intet er ændret siden version { $version }; der er ingen tillægsdagsorden at udsende.
error-the-attachment-is-not-on-the = Bilaget findes ikke på dagsordenen.
error-the-case-number-already-exists = Sagsnummeret { $reference } findes allerede.
error-a-substitute-can-only-attend-for = En stedfortræder kan kun møde for et medlem, der er noteret fraværende.
error-an-absent-member-can-only-have = Et fraværende medlem kan kun have én stedfortræder.
error-say-whom-the-substitute-attends-for = Angiv hvem stedfortræderen møder for.
error-only-a-substitute-attends-for-another = Kun en stedfortræder møder for et andet medlem.
error-the-same-person-appears-twice-in = Den samme person står to gange i fremmødet.
error-the-chosen-committee-does-not-exist = Det valgte udvalg findes ikke i kommunen.
error-the-item-is-not-on-a = Punktet findes ikke på en udsendt dagsorden.
error-decisions-can-only-be-made-at = Der kan kun træffes beslutninger på et møde, hvis dagsorden er udsendt, og som ikke er aflyst.
error-the-meeting-has-not-begun-yet = Mødet er ikke begyndt endnu; beslutninger registreres under eller efter mødet.
error-the-minutes-have-been-approved-and = Beslutningsprotokollen er godkendt og offentliggjort. Start en rettelse af protokollen (en ny version) under mødets beslutninger; så kan beslutningen rettes.
error-an-item-is-referred-to-a = Et punkt henvises til et andet udvalg end det, der behandler det.
error-tasks-have-been-sent-from-clause = Der er sendt opgaver fra { $clause }. at-punkt. Luk dem, før beslutningen rettes, så at-punktet ikke længere er tiltrådt.
error-the-organisation-does-not-exist = Organisationen findes ikke.
error-the-letter-was-changed-by-someone = Brevet er ændret af en anden, mens du havde det åbent. Se det, som det er nu, og prøv igen.
error-the-committee-does-not-exist-or = Udvalget findes ikke, eller det holder ikke møder.
error-the-meeting-has-no-released-agenda = Mødet har ingen udsendt dagsorden, så der er ingen protokol at skrive.
error-the-minutes-are-written-when-the = Protokollen skrives, når mødet er holdt og beslutningerne registreret.
error-there-is-already-a-draft-of = Der er allerede et udkast til protokollen, som venter på godkendelse.
error-write-what-is-being-corrected-it = Skriv, hvad der rettes; det står i den nye version af protokollen.
error-item-has-no-recorded-decision-yet = Punkt { $number } (»{ $title }«) har ingen registreret beslutning endnu.
error-there-are-no-minutes-waiting-for = Der er ingen protokol, der venter på godkendelse.
error-you-are-not-among-those-who = Du er ikke blandt dem, der skal godkende protokollen.
error-has-already-approved-the-minutes = { $name } har allerede godkendt protokollen.
error-the-administration-must-have-an-email = Forvaltningen »{ $name }« skal have en e-mailadresse.
error-only-messages-that-were-given-up = Kun opgivne beskeder kan sendes igen.
error-no-decision-has-been-recorded-on = Der er endnu ikke registreret en beslutning på punktet.
error-clause-is-not-adopted-and-therefore = { $clause }. at-punkt er ikke tiltrådt, og giver derfor ingen opgave.
error-the-responsible-administration-must-be-one = Den ansvarlige forvaltning skal være en af kommunens egne forvaltninger.
error-is-deactivated-and-gets-no-new = { $name } er deaktiveret og får ikke nye opgaver.
error-a-contributing-administration-must-be-one = En bidragydende forvaltning skal være en af kommunens egne forvaltninger.
error-appears-twice-among-the-contributors = { $name } står to gange blandt bidragyderne.
error-is-the-responsible-administration-and-cannot = { $name } er den ansvarlige forvaltning og kan ikke også være bidragyder.
error-give-the-task-a-deadline = Angiv en frist for opgaven.
error-the-answer-must-go-to-the = Svaret skal forelægges kommunalbestyrelsen eller et af dens udvalg.
error-has-already-been-given-the-task = { $name } har allerede fået opgaven fra { $clause }. at-punkt.
error-write-the-answer = Skriv svaret.
error-write-who-is-answering-name-and = Skriv hvem der svarer (navn og evt. afdeling).
error-the-answer-is-too-long = Svaret er for langt.
error-the-task-is-no-longer-open = Opgaven er ikke længere åben.
error-write-why-more-time-is-needed = Skriv hvorfor der er brug for mere tid.
error-the-new-deadline-must-be-after = Den nye frist skal ligge efter den nuværende.
error-the-task-does-not-exist = Opgaven findes ikke.
error-the-task-has-been-changed-since = Opgaven er ændret, siden du hentede den. Hent den igen, og prøv så.
error-set-a-new-deadline-approve-the = Sæt en ny frist, godkend den ønskede eller afvis den – ikke flere ad gangen.
error-no-new-deadline-has-been-requested = Der er ikke bedt om en ny frist.
error-the-deadline-can-only-be-moved = Fristen kan kun flyttes på en åben opgave.
error-new-links-can-only-be-sent = Nye links kan kun sendes til en åben opgave, og ikke samtidig med, at den lukkes eller linkene trækkes tilbage.
error-the-task-has-been-answered-or = Opgaven er besvaret eller lukket; der kan ikke længere vedhæftes filer.
error-at-most-files-can-be-attached = Der kan højst vedhæftes { $MAX_FILES } filer.
error-the-proposal-must-have-a-case = Forslaget skal have et sagsnummer: tildel et nyt, eller skriv et eksisterende.
error-the-proposal-has-the-status-a = Forslaget har status »{ $arg0 }«: et indsendt forslag slettes ikke, men kan trækkes tilbage.
error-the-case-register-for-is-full = Sagsregistret for { $year } er fuldt.
error-has-no-valid-email-address-so = { $name } har ingen gyldig e-mailadresse, så opgaven kan ikke sendes. Tilføj adressen først.
error-the-letter-does-not-exist-or = Brevet findes ikke, eller det er ikke offentligt.
error-the-file-does-not-exist = Filen findes ikke.
error-the-link-has-expired-ask-for = Linket er udløbet. Bed om et nyt under »Glemt adgangskode« på login-siden, eller bed sekretariatet om en ny invitation.
error-the-link-has-already-been-used = Linket er allerede brugt. Log ind med din adgangskode, eller bed om et nyt link under »Glemt adgangskode«.
error-the-link-does-not-exist-check = Linket findes ikke. Tjek, at hele adressen fra mailen er med.
error-the-account-no-longer-exists = Kontoen findes ikke længere.
error-the-account-does-not-exist = Kontoen findes ikke.
error-you-cannot-deactivate-your-own-account = Du kan ikke deaktivere din egen konto. Bed en anden i sekretariatet om det.
error-it-is-the-last-active-secretariat = Det er den sidste aktive sekretariatskonto, og den kan ikke deaktiveres.
error-the-approval-of-the-agenda-is-2 = Godkendelse af dagsordenen står allerede som første punkt.
error-the-agendas-pdf-could-not-be = Dagsordenens PDF kunne ikke dannes, så intet er udsendt. Prøv igen, og kontakt driften, hvis fejlen bliver ved.
error-the-answer-must-go-to-choose = Svaret skal forelægges { $name }; vælg et af dets møder.
error-the-meeting-has-no-released-agenda-2 = Mødet har ingen udsendt dagsorden. Beslutninger registreres på en udsendt dagsorden.
error-the-minutes-have-been-published-the = Beslutningsprotokollen er offentliggjort; fremmødet kan ikke længere ændres.
error-the-attendance-names-a-person-who = Fremmødet nævner en person, der ikke hører til mødet.
error-case-does-not-exist-write-the = Sag { $reference } findes ikke. Skriv sagens titel for at oprette den.
error-the-sender-does-not-exist-or = Afsenderen findes ikke eller har intet brevhoved. Vælg en afsender på listen, eller udfyld organisationens brevhoved under Brevhoveder.
error-the-sender-does-not-exist-choose = Afsenderen findes ikke. Vælg en på listen.
error-the-letter-does-not-exist = Brevet findes ikke.
error-a-reply-is-written-on-the = Et svar skrives på samme sag som brevet, det svarer på.
error-the-letter-could-not-be-made = Brevet kunne ikke dannes som PDF.
error-the-recipients-address = Modtagerens adresse: { $e }
error-only-incoming-letters-are-put-on = Kun indgående breve sættes på en dagsorden til orientering.
error-the-letter-is-already-on-an = Brevet er allerede sat på en dagsorden.
error-write-at-most-six-address-lines = Skriv højst seks adresselinjer.
error-is-not-a-web-address = »{ $w }« er ikke en webadresse.
error-the-logo-cannot-be-read-as = Logoet kan ikke læses som billede. Gem det igen som PNG eller JPEG.
error-the-meeting-has-begun-been-held = Mødet er begyndt, afholdt eller aflyst og kan ikke længere ændres.
error-the-committee-does-not-exist = Udvalget findes ikke.
error-choose-who-approves-the-minutes = Vælg, hvem der godkender protokollen.
error-choose-the-municipal-council-or-a = Vælg kommunalbestyrelsen eller et udvalg.
error-the-municipality-has-not-been-set = Kommunen er ikke oprettet endnu (agendum setup).
error-the-message-is-not-in-the = Beskeden findes ikke i udbakken.
error-your-account-is-not-linked-to = Din konto er ikke knyttet til et medlem. Kun politikere kan skrive medlemsforslag.
error-choose-the-meeting-that-is-to = Vælg det møde, forslaget skal behandles på, før du indsender det (Ret forslaget).
error-the-meeting-no-longer-exists = Mødet findes ikke længere.
error-the-meeting-has-already-been-held = Mødet er allerede holdt. Vælg et kommende møde (Ret forslaget).
error-the-municipal-council-cannot-be-deactivated = Kommunalbestyrelsen kan ikke deaktiveres: kommunen har altid en.
error-the-person-does-not-exist = Personen findes ikke.
error-the-membership-does-not-exist = Medlemskabet findes ikke.
error-write-the-new-deadline-as-dd = Skriv den nye frist som DD.MM.ÅÅÅÅ (fx 31.08.2025).
error-unknown-action = Ukendt handling.
error-two-step-verification-is-for-the = To-trinsbekræftelse er for sekretariatets konti.
error-two-step-verification-is-already-on = To-trinsbekræftelse er allerede slået til.
error-start-again-choose-turn-on-two = Begynd forfra: vælg »Slå to-trinsbekræftelse til«.
error-the-code-does-not-match-enter = Koden passer ikke. Skriv de seks cifre, appen viser lige nu, og tjek, at telefonens ur går rigtigt.
error-the-password-is-wrong = Adgangskoden er forkert.
error-two-step-verification-is-not-on = To-trinsbekræftelse er ikke slået til.
error-the-code-does-not-match-or = Koden passer ikke, eller den er brugt før.
error-the-account-is-no-longer-active = Kontoen er ikke længere aktiv. Log ind forfra.
error-only-the-secretariat-can-turn-off = Kun sekretariatet kan slå andres to-trinsbekræftelse fra.
error-you-turn-off-your-own-two = Din egen to-trinsbekræftelse slår du fra på din egen side, med din adgangskode.
error-the-account-does-not-have-two = Kontoen har ikke to-trinsbekræftelse slået til.
error-the-task-no-longer-exists = Opgaven findes ikke længere.
error-the-link-has-expired-contact-the = Linket er udløbet. Kontakt sekretariatet, hvis opgaven stadig skal besvares.
error-the-link-has-been-withdrawn-by = Linket er trukket tilbage af sekretariatet. Brug det nyeste link, du har fået, eller kontakt sekretariatet.
error-your-account-is-not-linked-to-2 = Din konto er ikke knyttet til en forvaltning. Bed sekretariatet om at rette kontoen.
error-the-task-does-not-exist-or = Opgaven findes ikke, eller den er ikke forvaltningens.
error-only-the-secretariat-can-record-decisions = Kun sekretariatet kan registrere beslutninger og opgaver.
error-the-task-does-not-exist-or-2 = Opgaven findes ikke, eller du har ikke adgang til den.
error-the-account-is-not-linked-to = Kontoen er ikke knyttet til en forvaltning.
error-tasks-can-be-seen-by-the = Opgaver kan ses af sekretariatet og forvaltningerne.
error-lead-is-an-organisations-id-1 = lead er en organisations id (1 eller mere).
error-standing-is-open-overdue-answered-or = standing er open, overdue, answered eller closed.
error-at-most-organisations-in-a-list = Højst { $ORGANIZATIONS_MAX } organisationer i en liste.
error-the-secretariat-can-only-set-the = Sekretariatet kan kun sætte status til »closed«; de andre følger af svarene.
error-page-must-be-1-or-more = page skal være 1 eller mere, og per_page mellem 1 og { $MAX_PER_PAGE }.
error-scope-can-only-be-public = scope kan kun være »public«.
error-the-proposal-does-not-exist-or = Forslaget findes ikke, eller du har ikke adgang til det.
error-a-proposal-has-at-most-clauses = Et forslag har højst { $CLAUSES_MAX } at-punkter, { $COSIGNERS_MAX } medunderskrivere og { $CASES_MAX } sagsnumre.
error-only-the-proposer-can-edit-the = Kun forslagsstilleren kan rette forslaget.
error-the-proposal-has-the-status-and = Forslaget har status »{ $arg0 }« og kan ikke rettes nu.
error-send-the-lock-version-of-the = Send lock_version fra det forslag, ændringen bygger på.
error-only-the-proposer-can-submit-the = Kun forslagsstilleren kan indsende forslaget.
error-case-does-not-exist-or-it = Sag { $reference } findes ikke, eller den er ikke offentlig.
error-only-the-secretariat-can-change-the = Kun sekretariatet kan ændre registret.
error-kind-must-be-council-committee-party = kind skal være council, committee, party, administration eller external.
error-your-account-does-not-have-access = Din konto har ikke adgang til denne side. Log ind med en anden konto, hvis du har en.
error-this-action-needs-an-api-key = Denne handling kræver en API-nøgle: Authorization: Bearer NØGLE.
error-the-authorization-header-must-have-the = Authorization-headeren skal have formen »Bearer NØGLE«.
error-the-api-key-is-unknown-or = API-nøglen er ukendt eller tilbagekaldt.
error-with-a-login-cookie-changes-must = Med en login-cookie skal ændringer sende sessionens X-CSRF-Token.
error-the-form-is-too-large-make = Formularen er for stor. Gør teksten kortere, og prøv igen.
error-the-form-has-too-many-fields = Formularen har for mange felter. Gå tilbage, genindlæs siden, og prøv igen.
error-the-form-is-not-filled-in = Formularen er ikke udfyldt korrekt ({ $e }).
error-the-message-is-not-in-the-2 = Beskeden findes ikke i udviklingspostkassen.
error-the-page-does-not-exist-check = Siden findes ikke. Tjek adressen, eller gå til forsiden.
error-the-address-does-not-exist-in = Adressen findes ikke i API'et.
error-the-address-exists-but-not-with = Adressen findes, men ikke med metoden { $arg0 }. Brug { $arg1 }.
error-active-must-be-true-or-false = active skal være true eller false.
error-the-file-has-not-been-attached = Filen »{ $name }« er ikke vedhæftet endnu. Tryk »Vedhæft filen« først, og send så svaret.
error-invalid-json = Ugyldig JSON: { $message }
error-invalid-json-the-request-is-too = Ugyldig JSON: forespørgslen er for stor.
error-invalid-parameters = Ugyldige parametre: { $err }
error-invalid-json-2 = Ugyldig JSON: { $err }
error-there-are-no-minutes-waiting-for-2 = Der er ingen protokol, der venter på din godkendelse.
error-a-proposal-has-at-most-clauses-2 = Et forslag har højst { $CLAUSES_MAX } at-punkter og { $COSIGNERS_MAX } medunderskrivere.
error-the-form-is-missing-its-version = Formularen mangler sin version.
error-the-proposal-has-no-version = Forslaget har ingen version { $n }.
error-the-proposal-does-not-exist-or-2 = Forslaget findes ikke, eller det er ikke offentligt endnu.
error-the-agenda-has-not-been-released = Dagsordenen er ikke udsendt, eller versionen findes ikke.
error-the-meetings-minutes-have-not-been = Mødets beslutningsprotokol er ikke offentliggjort.
error-the-attachment-does-not-exist-or = Bilaget findes ikke, eller det er ikke offentligt.
error-the-letter-has-no-original-file = Brevet har ingen original fil.
error-the-organisation-has-no-logo = Organisationen har intet logo.
error-the-municipality-has-no-logo = Kommunen har intet logo.
error-the-meeting-does-not-exist-perhaps = Mødet findes ikke. Måske er adressen forkert, eller mødet er slettet.
error-that-version-of-the-agenda-does = Den version af dagsordenen findes ikke.
error-the-link-is-invalid-or-has = Linket er ugyldigt eller udløbet. Bed om et nyt på udvalgets side »Følg med«.
error-the-form-is-missing-the-agendas = Formularen mangler dagsordenens version; genindlæs siden.
error-choose-a-proposal = Vælg et forslag.
error-where-is-the-item-to-go = Hvor skal punktet hen?
error-the-form-is-not-filled-in-2 = Formularen er ikke udfyldt korrekt: en række i fremmødet mangler.
error-the-form-is-not-filled-in-3 = Formularen er ikke udfyldt korrekt: ukendt medlem.
error-choose-present-or-absent-for-each = Vælg til stede eller fraværende for hvert medlem.
error-a-member-who-is-present-has = Et medlem, der er til stede, har ingen stedfortræder. Sæt medlemmet til fraværende, eller fjern stedfortræderen.
error-the-form-is-not-filled-in-4 = Formularen er ikke udfyldt korrekt: ukendt stedfortræder.
error-write-a-whole-number-e-g = { $what }: skriv et helt tal (fx 34).
error-write-both-votes-for-and-against = { $what }: skriv både stemmer for og imod (0, hvis ingen).
error-choose-an-outcome = { $what }: vælg et udfald.
error-choose-a-committee-from-the-list = Vælg et udvalg fra listen.
error-a-note-in-the-minutes-or = En protokolbemærkning eller afvigende mening skal have både afsender og tekst.
error-choose-note-in-the-minutes-or = Vælg protokolbemærkning eller afvigende mening.
error-the-form-is-not-filled-in-5 = Formularen er ikke udfyldt korrekt: ukendt at-punkt.
error-choose-the-responsible-administration = Vælg den ansvarlige forvaltning.
error-write-the-deadline-as-a-date = Skriv fristen som en dato, der findes, som DD.MM.ÅÅÅÅ (fx 30.06.2025) – ikke »{ $text }«.
error-choose-where-the-answer-goes = Vælg, hvor svaret forelægges.
error-choose-a-csv-file-with-the = Vælg en CSV-fil med medlemmerne.
error-the-letter-to-be-answered-does = Brevet, der skal svares på, findes ikke.
error-choose-the-meeting-the-letter-is = Vælg det møde, brevet skal på.
error-unknown-status-choose-waiting-sending-sent = Ukendt status. Vælg venter, sendes, sendt eller opgivet.
error-the-form-is-missing-the-person = Formularen mangler personen.
error-choose-an-image-file-png-or = Vælg en billedfil (PNG eller JPEG) at bruge som logo.
error-choose-the-meeting-the-answer-goes = Vælg det møde, svaret skal forelægges.
error-write-the-new-deadline-as-a = Skriv den nye frist som en dato, der findes, som DD.MM.ÅÅÅÅ.
error-the-request-is-too-large-to = Forespørgslen er for stor til at blive modtaget.
error-the-form-could-not-be-read = Formularen kunne ikke læses: { $e }
error-the-form-has-too-many-fields-2 = Formularen har for mange felter.
error-a-field-in-the-form-is = Et felt i formularen er for langt.

## Form fields: what is wrong with what was typed

field-the-name-is-too-long-at = Navnet er for langt (højst { $ACCOUNT_NAME_MAX_CHARS } tegn).
field-choose-the-role-secretariat-politician-chair = Vælg rollen: sekretariat, politiker, formand eller forvaltning.
field-a-politician-or-chair-acts-as = En politiker eller formand handler som en person i registret: vælg personen.
field-an-administration-staff-member-belongs-to = En forvaltningsmedarbejder hører til en forvaltning: vælg den.
field-write-the-recipients-name = Skriv modtagerens navn.
field-write-the-recipients-email-address-the = Skriv modtagerens e-mailadresse; brevet sendes dertil.
field-is-not-a-valid-email-address = »{ $e }« er ikke en gyldig e-mailadresse.
field-write-the-letters-heading = Skriv brevets overskrift.
field-the-heading-is-too-long-at = Overskriften er for lang (højst { $HEADING_MAX_CHARS } tegn).
field-write-the-letters-text = Skriv brevets tekst.
field-the-text-is-too-long-at = Teksten er for lang (højst { $BODY_MAX_CHARS } tegn).
field-write-at-least-one-person-who = Skriv mindst én, der underskriver brevet.
field-write-the-letters-subject = Skriv brevets emne.
field-the-subject-is-too-long-at = Emnet er for langt (højst { $HEADING_MAX_CHARS } tegn).
field-write-the-letters-text-attach-the = Skriv brevets tekst, vedhæft det originale brev, eller gør begge dele.
field-write-whom-the-letter-is-from = Skriv, hvem brevet er fra.
field-choose-what-the-municipal-council-is = Vælg, hvad kommunalbestyrelsen hedder hos jer.
field-choose-danish-or-english = Vælg dansk eller engelsk.
field-write-the-time-as-hh-mm = Skriv klokkeslættet som TT:MM (fx 12:00), eller lad feltet stå tomt.
field-write-a-number-of-days-from = Skriv et antal dage fra 0 til { $MAX_DAYS }.
field-choose-the-weekday = Vælg ugedagen.
field-write-the-time-on-the-weekday = Skriv klokkeslættet på ugedagen (fx 12:00).
field-choose-how-the-deadline-is-counted = Vælg, hvordan fristen regnes.
field-line-is-not-a-date-write = Linje { $arg0 }: »{ $arg1 }« er ikke en dato. Skriv én dag pr. linje som DD.MM.ÅÅÅÅ og evt. et navn, fx »28.12.2026 Lukkedag«.
field-line-the-name-may-be-at = Linje { $arg0 }: navnet må højst være { $CLOSED_DAY_NAME_MAX_CHARS } tegn.
field-line-the-year-is-outside-what = Linje { $arg0 }: året ligger uden for det mulige.
field-write-at-most-closing-days = Skriv højst { $EXTRA_CLOSED_DAYS_MAX } lukkedage.
field-write-at-most-dates-to-skip = Skriv højst { $SKIP_MAX_LINES } datoer at springe over.
field-is-not-a-date-or-a = »{ $arg0 }« er ikke en dato eller en periode. Skriv fx 14.07.2027 eller 01.07.2027–31.07.2027.
field-choose-the-municipal-council-or-a = Vælg kommunalbestyrelsen eller et udvalg.
field-write-the-first-day-the-plan = Skriv den første dag, planen gælder, som DD.MM.ÅÅÅÅ (fx 01.01.2026).
field-write-the-last-day-the-plan = Skriv den sidste dag, planen gælder, som DD.MM.ÅÅÅÅ (fx 01.01.2026).
field-the-last-day-is-before-the = Den sidste dag ligger før den første.
field-a-plan-covers-at-most-one = En plan gælder højst et år ad gangen.
field-choose-the-weekday-the-meetings-are = Vælg ugedagen, møderne holdes på.
field-choose-how-often-the-meetings-are = Vælg, hvor ofte møderne holdes.
field-write-the-time-as-hh-mm-2 = Skriv klokkeslættet som TT:MM (fx 17:30).
field-write-where-the-meetings-are-held = Skriv, hvor møderne holdes.
field-the-place-is-too-long-at = Stedet er for langt (højst { $location_max } tegn).
field-write-a-heading-e-g-member = Skriv en overskrift, fx »Medlemsforslag om …«.
field-the-heading-is-too-long-at-2 = Overskriften er for lang (højst { $TITLE_MAX_CHARS } tegn).
field-the-introduction-must-be-one-short = Indledningen skal være én kort linje (højst { $OPENING_MAX_CHARS } tegn).
field-the-proposal-must-have-at-least = Forslaget skal have mindst ét at-punkt (»at …«).
field-the-proposal-can-have-at-most = Forslaget kan højst have { $CLAUSES_MAX } at-punkter.
field-clause-is-empty-write-the-text = Punkt { $arg0 } er tomt. Skriv teksten, eller fjern punktet.
field-clause-is-too-long-at-most = Punkt { $arg0 } er for langt (højst { $CLAUSE_MAX_CHARS } tegn).
field-the-motivation-is-too-long-characters = Motivationen er for lang: { $motivation_chars } tegn, højst { $MOTIVATION_MAX_CHARS }. Gør den kortere, eller vedlæg et bilag.
field-the-name-is-too-long-at-2 = Navnet er for langt (højst { $NAME_MAX_CHARS } tegn).
field-choose-what-kind-of-organisation-it = Vælg, hvad slags organisation det er (kommunalbestyrelse, udvalg, parti, forvaltning eller ekstern organisation).
field-the-abbreviation-is-too-long-at = Forkortelsen er for lang (højst { $SHORT_NAME_MAX_CHARS } tegn).
field-an-administration-must-have-an-email = En forvaltning skal have en e-mailadresse: dér sendes dens opfølgningsopgaver hen.
field-choose-an-organisation-from-the-list = Vælg en organisation fra listen.
field-the-title-is-too-long-at = Titlen er for lang (højst { $TITLE_MAX_CHARS } tegn).
field-choose-the-role-chair-vice-chair = Vælg rollen: formand, næstformand, medlem, stedfortræder eller medarbejder.
field-write-the-first-day = Skriv den første dag som DD.MM.ÅÅÅÅ (fx 01.01.2026).
field-write-the-last-day = Skriv den sidste dag som DD.MM.ÅÅÅÅ (fx 01.01.2026).
field-the-membership-cannot-end-before-it = Medlemskabet kan ikke slutte, før det begynder.
field-the-order-is-a-number-from = Rækkefølgen er et tal fra 1 til { $POSITION_MAX }.
field-only-substitutes-have-a-place-in = Kun stedfortrædere har en plads i partiets rækkefølge.
field-write-the-electoral-terms-first-day = Skriv valgperiodens første dag som DD.MM.ÅÅÅÅ (fx 01.01.2026).
field-the-person-is-not-in-the = Personen findes ikke i registret.
field-the-organisation-does-not-exist = Organisationen findes ikke.
field-is-not-an-administration-choose-the = { $name } er ikke en forvaltning; vælg forvaltningen.
field-is-deactivated = { $name } er deaktiveret.
field-an-account-with-the-address-already = Der findes allerede en konto med adressen { $arg0 }.
field-it-is-the-last-active-secretariat = Det er den sidste aktive sekretariatskonto: invitér eller aktivér en anden først, så nogen stadig kan administrere Agendum.
field-the-current-password-is-wrong = Den nuværende adgangskode er forkert.
field-the-two-new-passwords-are-not = De to nye adgangskoder er ikke ens. Skriv den samme i begge felter.
field-write-where-the-meeting-is-held = Skriv, hvor mødet holdes.
field-the-place-is-too-long-at-2 = Stedet er for langt (højst { $LOCATION_MAX_CHARS } tegn).
field-write-a-date-that-exists-as = Skriv en dato, der findes, som DD.MM.ÅÅÅÅ (fx 10.12.2026).
field-choose-ordinary-or-extraordinary-meeting = Vælg ordinært eller ekstraordinært møde.
field-the-meeting-must-be-in-the = Mødet skal ligge i fremtiden.
field-choose-a-meeting-on-the-list = Vælg et møde på listen.
field-the-meeting-is-not-an-upcoming = Mødet er ikke et kommende møde i et af dine udvalg. Vælg et andet.
field-you-are-not-a-member-of = Du er ikke medlem af et udvalg eller af kommunalbestyrelsen lige nu.
field-choose-a-party-on-the-list = Vælg et parti på listen.
field-co-signatories-must-be-members-of = Medunderskrivere skal være medlemmer af { $arg0 }.
field-the-abbreviation-is-already-used-by = Forkortelsen »{ $short }« bruges allerede af { $name }.
field-an-organisation-of-the-same-kind = Der findes allerede en organisation af samme slags med navnet »{ $name }«.
field-the-municipality-already-has-its-municipal = Kommunen har allerede sin kommunalbestyrelse ({ $name }). Ret den i stedet.
field-the-parent-organisation-does-not-exist = Den overordnede organisation findes ikke.
field-an-organisation-cannot-belong-under-itself = En organisation kan ikke høre under sig selv.
field-the-parent-organisation-itself-belongs-under = Den overordnede organisation hører selv under denne.
field-an-organisations-kind-cannot-be-changed = En organisations type kan ikke ændres ({ $name } forbliver { $arg1 }); opret en ny, og deaktivér den gamle.
field-the-person-does-not-exist = Personen findes ikke.
field-is-deactivated-and-gets-no-new = { $name } er deaktiveret og får ikke nye medlemmer.
field-a-membership-of-a-party-does = Et medlemskab af et parti sidder ikke for et (andet) parti; lad feltet stå tomt.
field-choose-one-of-the-municipalitys-parties = Vælg et af kommunens partier.
field-is-already-of-from-two-memberships = { $person_name } er allerede { $arg1 } af { $organization_name } fra { $arg3 }{ $arg4 } – to medlemskaber af samme organisation må ikke overlappe.
field-a-membership-cannot-be-moved-to = Et medlemskab kan ikke flyttes til en anden person; afslut det, og opret et nyt.
field-a-membership-cannot-be-moved-to-2 = Et medlemskab kan ikke flyttes til en anden organisation; afslut det, og opret et nyt.
field-the-electoral-term-begins-a-new = Valgperioden { $name } begynder { $arg1 }; en ny valgperiode skal begynde senere.
field-a-new-organisation-is-active-deactivate = En ny organisation er aktiv; deaktivér den bagefter med PATCH.
field-choose-what-kind-of-item-it = Vælg, hvilken slags punkt det er.
field-write-the-items-title = Skriv punktets titel.
field-an-item-number-is-digits-and = Et punktnummer er tal og bogstaver, fx 3 eller 3a; lad feltet stå tomt, så følger nummeret rækkefølgen.
field-choose-an-administration-or-organisation-from = Vælg en forvaltning eller organisation fra listen.
field-the-text-is-too-long-at-2 = Teksten er for lang (højst { $TEXT_MAX_CHARS } tegn pr. afsnit).
field-a-recommendation-must-have-the-section = En indstilling skal have afsnittet »Indstilling«: hvad forvaltningen indstiller.
field-the-approval-of-the-agenda-is = Godkendelse af dagsordenen er altid et åbent punkt.
field-write-the-case-number-as-yyyy = Skriv sagsnummeret som ÅÅÅÅ-NNNNNNN, fx 2021-0041276.
field-write-the-date-as-dd-mm = Skriv datoen som DD.MM.ÅÅÅÅ, fx 12.04.2021.
field-choose-the-sender = Vælg afsenderen.
field-choose-the-sender-on-the-list = Vælg afsenderen på listen.
field-write-a-comment-to-the-proposer = Skriv en kommentar til forslagsstilleren: hvad skal rettes?
field-the-comment-is-too-long-at = Kommentaren er for lang (højst { $COMMENT_MAX_CHARS } tegn).
field-a-proposal-is-accepted-only-when = Et forslag godkendes kun, når alle punkter er opfyldt. Mangler: { $arg0 }. Send det ellers retur med en kommentar.
field-assign-a-new-case-number-or = Tildel et nyt sagsnummer, eller skriv det eksisterende sagsnummer.
field-the-proposal-came-after-the-deadline = Forslaget kom efter fristen: skriv begrundelsen for at sætte det på dagsordenen.
field-the-reason-is-too-long = Begrundelsen er for lang.

## The overview of a task's answer (page and PDF)

overview-title = Besvarelse af { $clause }. at-punkt
overview-clause = { $clause }. at-punkt
overview-cases = Sagsnr. { $cases }
overview-lead = Ansvarlig: { $lead }
overview-deadline = Frist: { $deadline }
overview-answer-to = Forelægges: { $to }
overview-decided = { $organization } besluttede den { $date }:
overview-answered-by = Besvaret { $date } af { $by }.
overview-answered = Besvaret { $date }.
import-kind-person = Person
import-kind-membership = Medlemskab
import-outcome-new = Oprettes
import-outcome-changed = Ændres
import-outcome-unchanged = Uændret
import-outcome-refused = Afvist
notice-file-attached = Filen »{ $filename }« er vedhæftet. Svaret er ikke sendt endnu: skriv det færdigt, og tryk Send.

## Notices after an action

notice-contribution-sent = Tak. Jeres bidrag er sendt til den ansvarlige forvaltning.
notice-answer-sent = Tak. Svaret er sendt til sekretariatet.
notice-more-time-requested = Sekretariatet har fået jeres ønske om en ny frist.

## Attached files

attachment-empty = Vælg en fil.
attachment-name = Filnavnet mangler eller er ugyldigt.
attachment-kind = Filtypen ».{ $ext }« kan ikke vedhæftes. Tilladt: PDF, Word, Excel, PowerPoint, OpenDocument, billeder (PNG, JPEG, GIF), tekst og CSV.
attachment-mismatch = Filen »{ $name }« er ikke en { $kind }-fil, som navnet siger. Gem den i det rigtige format.
attachment-too-large = Filen er for stor (højst { $mb } MB).
two-factor-too-many-codes = For mange forkerte koder. Log ind forfra med din adgangskode.
two-factor-wrong-code = Koden passer ikke, eller den er brugt før. Skriv den nye kode fra appen, eller en af dine gendannelseskoder.
error-reason-too-long = Begrundelsen er for lang (højst { $max } tegn).
error-task-not-sent = Opgaven er ikke sendt. Se beskeden ved forslaget.

## The outbox

outbox-all = Alle
outbox-pending = Venter
outbox-sending = Sendes
outbox-sent = Sendt
outbox-dead = Opgivet
error-internal = Der opstod en uventet fejl. Prøv igen om lidt.
error-unavailable = Databasen svarer ikke lige nu. Prøv igen om lidt.

## Notices and words written by the pages

notice-minutes-approval-registered = Tak. Din godkendelse er registreret.
notice-minutes-published-by-all = Tak. Protokollen er nu godkendt af alle og offentliggjort her.
notice-text-read-into-form = Teksten er læst ind i formularen. Tjek den, ret til, og gem.
notice-draft-saved = Kladden er gemt. Læs den igennem, og indsend den, når den er klar.
notice-changes-saved = Ændringerne er gemt.
error-only-proposer-withdraws = Kun forslagsstilleren kan trække forslaget tilbage.
notice-proposal-withdrawn = Forslaget er trukket tilbage. Sekretariatet kan se, at det er trukket.
error-only-proposer-deletes-draft = Kun forslagsstilleren kan slette kladden.
notice-draft-deleted = Kladden er slettet.
proposal-submit-needs-meeting = Forslaget kan indsendes, når du har valgt det møde, det skal behandles på: vælg det under Ret forslaget.
proposal-submit-meeting-held = Mødet, forslaget er stillet til, er holdt. Vælg et kommende møde under Ret forslaget, så kan det indsendes.
login-write-both = Skriv både din e-mailadresse og din adgangskode.
password-not-the-same = De to adgangskoder er ikke ens. Skriv den samme i begge felter.
password-forgot-write-email = Skriv den e-mailadresse, du logger ind med.
password-forgot-too-many = Der er bedt om for mange links på kort tid. Vent en time, og prøv igen, eller kontakt sekretariatet.
subscription-invalid-email = Skriv en gyldig e-mailadresse, fx navn@example.org.
notice-two-factor-on = To-trinsbekræftelse er slået til. Gem gendannelseskoderne nu: de vises kun denne ene gang.
notice-recovery-codes-new = Der er lavet nye gendannelseskoder; de gamle virker ikke længere. Gem de nye nu.
notice-two-factor-off = To-trinsbekræftelse er slået fra.
notice-account-saved = Kontoen er gemt.
notice-account-active = Kontoen er aktiv igen; personen kan logge ind.
notice-account-deactivated = Kontoen er deaktiveret; dens sessioner og API-nøgler er lukket.
notice-account-two-factor-off = To-trinsbekræftelsen er slået fra. Personen logger nu ind med adgangskoden alene og kan slå den til igen.
notice-item-added = Punktet er tilføjet dagsordenen.
notice-approval-item-added = »Godkendelse af dagsordenen« er sat ind som punkt 1.
notice-proposal-on-agenda = Forslaget er sat på dagsordenen.
notice-item-moved = Punktet er flyttet, og punkterne er nummereret igen.
notice-item-closed = Punktet er lukket: offentligheden ser kun dets titel.
notice-item-opened = Punktet er åbent igen.
notice-item-removed = Punktet er slettet fra dagsordenen.
notice-item-saved = Punktet er gemt.
notice-attachment-added = Bilaget er vedhæftet punktet.
notice-attachment-removed = Bilaget er fjernet fra punktet.
notice-attendance-saved = Fremmødet er gemt.
notice-minutes-published = Protokollen er godkendt og offentliggjort på mødets side.
notice-letter-saved = Brevet er gemt.
notice-letter-approved = Brevet er godkendt og kan sendes.
notice-letter-reopened = Brevet er en kladde igen og kan rettes.
notice-letter-sent = Brevet er sendt til modtageren med PDF'en vedhæftet og kan ikke længere ændres.
notice-letter-published = Brevet er offentligt på sagen.
notice-letter-unpublished = Brevet er ikke længere offentligt.
notice-letter-on-agenda = Brevet er sat på dagsordenen som orienteringspunkt.
notice-letter-changed = Brevet er ændret.
notice-letterhead-saved = Brevhovedet er gemt.
notice-meeting-created = Mødet er oprettet. Det står i listen herunder med sine frister; dagsordenen bygges derfra.
notice-signer-rule-saved = Reglen for, hvem der godkender protokollen, er gemt. Den gælder for protokoller, der udarbejdes fra nu.
notice-message-requeued = Beskeden er sat i kø igen og sendes ved næste forsøg.
notice-rules-saved = Fristreglerne er gemt. De nye frister står herunder.
notice-closed-days-saved = Lukkedagene er gemt.
notice-meeting-changed = Mødet er ændret.
notice-proposal-returned = Forslaget er sendt retur til forslagsstilleren med din kommentar.
notice-organization-created = Organisationen er oprettet.
notice-organization-saved = Organisationen er gemt.
notice-organization-active = Organisationen er aktiv igen.
notice-organization-deactivated = Organisationen er deaktiveret; dens medlemskaber er afsluttet.
notice-person-created = Personen er oprettet. Tilføj medlemskaberne herunder.
notice-person-saved = Personen er gemt.
notice-membership-added = Medlemskabet er tilføjet.
notice-membership-saved = Medlemskabet er gemt.
notice-settings-saved = Indstillingerne er gemt. Alle sider viser dem nu.
notice-logo-removed = Logoet er fjernet.
notice-logo-saved = Logoet er gemt og står nu i sidehovedet.
notice-overview-on-agenda = Oversigten over svaret er sat på dagsordenen som et punkt med PDF'en som bilag.
notice-deadline-moved = Fristen er flyttet, og forvaltningerne har fået besked med en ny kalenderfil.
notice-deadline-approved = Den ønskede frist er godkendt, og forvaltningerne har fået besked.
notice-deadline-refused = Ønsket om ny frist er afvist; fristen står ved magt.
notice-links-sent = Nye links er sendt; de gamle virker ikke længere.
notice-links-withdrawn = Linkene er trukket tilbage.
notice-task-closed = Opgaven er lukket, og dens links er trukket tilbage.
notice-task-changed = Opgaven er ændret.
error-api-proposal-invalid = Forslaget er ikke udfyldt korrekt.
error-api-request-invalid = Forespørgslen er ikke udfyldt korrekt.
my-tasks-waiting = Venter på svar
my-tasks-done = Besvaret eller lukket
proposal-submitted-on-time-here = Indsendt rettidigt til dette møde
proposal-submitted-elsewhere = Indsendt til et andet møde
proposal-waiting-for-meeting = Venter på et møde
letter-form-new-outgoing = Nyt udgående brev
letter-form-register-incoming = Registrér indgående brev
letter-form-edit-outgoing = Ret udgående brev
letter-form-edit-incoming = Ret indgående brev
timeline-treated-at = Behandlet på møde
timeline-on-agenda-for = På dagsordenen til møde
notice-approval-registered = Godkendelsen er registreret. Der mangler { $missing ->
    [one] { $missing } godkendelse
   *[other] { $missing } godkendelser
}.
password-too-short = Adgangskoden skal have mindst { $min } tegn.
password-too-long = Adgangskoden er for lang (højst { $max } bytes).
notice-minutes-drafted = Protokollen (version { $version }) er udarbejdet og sendt til godkendelse hos { $signers }.
error-an-account-with-the-email-address = Der findes allerede en konto med e-mailadressen { $email }.

## A case's timeline

timeline-appearance = { $organization } – møde { $when } (punkt { $item })
timeline-submitted = Medlemsforslag indsendt
timeline-submitted-by = Medlemsforslag indsendt ({ $by })
timeline-decided = Beslutning i { $organization }: { $outcome }
timeline-task-sent = Opgave sendt til { $lead } ({ $clause }. at-punkt)
timeline-task-sent-deadline = Opgave sendt til { $lead } ({ $clause }. at-punkt, frist { $deadline })
timeline-task-answered = { $lead } har besvaret { $clause }. at-punkt
timeline-the-answer = Svaret
timeline-letter-from = Brev fra { $sender }: { $heading }
timeline-letter-to = Brev til { $recipient } ({ $status }): { $heading }
timeline-the-letter = Brevet
timeline-the-letter-pdf = Brevet som PDF

## Calendars (ICS)

ics-meeting = Møde i { $organization }
ics-meetings = Møder i { $organization }
ics-agenda-at = Dagsorden: { $url }
ics-agenda-later = Dagsordenen udsendes senere: { $url }
organization-language = Sprog i mails til organisationen (valgfrit)
organization-language-hint = En forvaltnings opgaver, påmindelser og frister sendes på dette sprog.
organization-language-default = Kommunens sprog
field-write-the-organisations-name = Skriv organisationens navn.
field-write-the-persons-name = Skriv personens navn.
field-choose-the-person = Vælg personen.
field-choose-the-organisation-for-membership = Vælg organisationen (kommunalbestyrelsen, et udvalg eller et parti).
field-choose-a-party-from-the-list = Vælg et parti fra listen.
field-municipality-name-missing = Skriv kommunens navn, fx »Aarhus Kommune«.
field-municipality-name-too-long = Kommunens navn må højst være { $max } tegn.
field-municipality-name-control = Kommunens navn må ikke indeholde styretegn.
field-not-a-web-address = »{ $text }« er ikke en webadresse (fx https://www.kk.dk).
field-too-many-email-addresses = Skriv højst { $max } e-mailadresser.
field-not-an-email-address = »{ $text }« er ikke en gyldig e-mailadresse.
login-wrong = E-mailadressen eller adgangskoden er forkert.
login-too-many = For mange mislykkede forsøg på at logge ind. Vent et kvarter, og prøv igen, eller kontakt sekretariatet.
letter-of = { $sender } af { $date }
error-deadline-before-meeting = Fristen { $deadline } ligger før mødet den { $meeting }.
deadline-with-time-left = { $deadline } ({ $left } tilbage)

## Steps a status does not allow

error-proposal-step = Et forslag med status »{ $status }« kan ikke { $step }.
proposal-step-submit = indsendes
proposal-step-return = sendes retur
proposal-step-accept = godkendes
proposal-step-withdraw = trækkes tilbage
proposal-step-put-on-agenda = sættes på dagsordenen
proposal-step-take-off-agenda = tages af dagsordenen
proposal-step-decide = få en beslutning
proposal-step-follow-up = få opfølgningsopgaver
proposal-step-close = afsluttes
error-meeting-step = Et møde med status »{ $status }« kan ikke { $step }.
meeting-step-release = få sin dagsorden udsendt
meeting-step-decide = få registreret beslutninger
meeting-step-publish-minutes = få sin beslutningsprotokol offentliggjort
meeting-step-correct-minutes = få sin beslutningsprotokol rettet

## Importing members from a file

import-line = Linje { $line } ({ $name }):
import-unknown-organization-column = Ukendt organisation »{ $name }« i kolonnen organization.
import-organization-missing = Skriv organisationen (kommunalbestyrelsen, et udvalg eller et parti) i kolonnen organization.
import-unknown-organization = Ukendt organisation »{ $name }«.
import-unknown-party = Ukendt parti »{ $name }«.
import-unknown-kind = Ukendt slags »{ $kind }«. Skriv council, committee, party, administration, external, person eller membership.
import-name-missing = Skriv navnet.

## Letters and logos

letter-state-sent = Brevet er sendt og kan ikke ændres. Skriv et nyt brev, hvis der skal rettes noget.
letter-state-incoming = Et indgående brev registreres; det godkendes og sendes ikke.
letter-state-approve-first = Brevet skal godkendes, før det sendes.
letter-state-already-draft = Brevet er allerede en kladde.
letter-state-approved = Brevet er godkendt. Gør det til kladde igen for at rette det.
letter-state-already-approved = Brevet er allerede godkendt.
logo-kind = Logoet skal være et PNG- eller JPEG-billede.
logo-too-large = Logoet er for stort (højst { $kb } kB).

## Agendas and case numbers that do not hold

agenda-empty = Dagsordenen har ingen punkter.
agenda-duplicate-number = Punktnummeret »{ $number }« står mere end én gang på dagsordenen.
agenda-open-after-closed = Punkt { $number } er et åbent punkt efter et lukket punkt; lukkede punkter står sidst.
agenda-missing-title = Et punkt mangler en titel.
case-reference-empty = Sagsnummeret er tomt. Et sagsnummer har formen ÅÅÅÅ-NNNNNNN, fx 2025-0124174.
case-reference-shape = »{ $text }« er ikke et sagsnummer. Et sagsnummer har formen ÅÅÅÅ-NNNNNNN (årstal, bindestreg og løbenummer), fx 2025-0124174; også ÅÅ/NNNNN og punktum som skilletegn kan bruges.
case-reference-year = Årstallet i sagsnummeret »{ $text }« skal ligge mellem 1900 og 2999.
case-reference-zero = Løbenummeret i sagsnummeret »{ $text }« må ikke være 0000000.
case-reference-too-many = Skriv højst { $max } sagsnumre.
case-shape-invalid = »{ $text }« er ikke et mønster for sagsnumre. Skriv årstallet som ÅÅÅÅ eller ÅÅ, et skilletegn (- / eller .) og løbenummeret som 5 til 8 N'er, fx ÅÅÅÅ-NNNNNNN eller ÅÅ/NNNNN.
time-does-not-exist = Tidspunktet { $time } findes ikke i dansk tid (sommertiden begynder).

## The standard decision text, in the council's language.
decision-verb-adopted = tiltrådt
decision-verb-rejected = forkastet
decision-verb-referred = henvist
decision-verb-postponed = udsat
decision-verb-removed = taget af dagsordenen
decision-verb-withdrawn = trukket
decision-verb-noted = taget til efterretning
decision-verb-second-reading = oversendt til 2. behandling
decision-verb-approved = godkendt
decision-votes = med { $for } { $count ->
    [one] stemme
   *[other] stemmer
} imod { $against }.
decision-votes-with-abstentions = med { $for } { $count ->
    [one] stemme
   *[other] stemmer
} imod { $against }, idet { $abstain } undlod at stemme.
decision-voted-for = For stemte: { $who }.
decision-voted-against = Imod stemte: { $who }.
decision-voted-abstain = Undlod at stemme: { $who }.
decision-without-a-vote = uden afstemning.
decision-referred-to = til { $committee }
decision-consulting = med høring af { $committees }
decision-sentence = { $subject } blev { $verb }
decision-clause-sentence = { $of } { $clause }. at-punkt blev { $verb }
decision-amendment-sentence = Ændringsforslag fra { $by } (»{ $text }«) blev { $verb }
decision-statement-sentence = { $kind } fra { $by }: »{ $text }«
decision-subject-member-proposal = Medlemsforslaget
decision-of-member-proposal = Medlemsforslagets
decision-subject-recommendation = Indstillingen
decision-of-recommendation = Indstillingens
decision-subject-orientation = Orienteringen
decision-of-orientation = Orienteringens
decision-subject-letter = Henvendelsen
decision-of-letter = Henvendelsens
decision-subject-question = Forespørgslen
decision-of-question = Forespørgslens
decision-subject-agenda = Dagsordenen
decision-of-agenda = Dagsordenens
decision-subject-other = Punktet
decision-of-other = Punktets

## Why a decision cannot be recorded.
decision-amendment-number = Ændringsforslag { $number }
decision-clause-number = { $number }. at-punkt
decision-the-vote = Afstemningen
decision-error-votes-do-not-add-up = { $what }: stemmerne ({ $for } for, { $against } imod, { $abstain } undlod) giver { $total }, men der er { $present } til stede. Ret stemmetallet eller fremmødet.
decision-error-on-two-sides = { $what }: { $who } står på to sider af afstemningen.
decision-error-no-majority-to-adopt = { $what }: med { $for } for og { $against } imod er der ikke flertal for at tiltræde.
decision-error-majority-not-rejected = { $what }: med { $for } for og { $against } imod er der flertal; det er ikke forkastet.
decision-error-amendment-incomplete = { $what }: skriv hvem der stillede det og teksten.
decision-error-amendment-not-voted = { $what }: et ændringsforslag bliver tiltrådt eller forkastet.
decision-error-clauses-only-when-voted = At-punkter stemmes om enkeltvis kun når forslaget tiltrædes eller forkastes.
decision-error-no-such-clause = Forslaget har ikke et { $number }. at-punkt; det har { $count }.
decision-error-clause-twice = { $what } står to gange.
decision-error-clause-not-voted = { $what }: et at-punkt bliver tiltrådt eller forkastet.
decision-error-every-clause-needs-an-outcome = Når der stemmes om at-punkterne enkeltvis, skal alle { $count } have et udfald.
decision-error-outcome-follows-the-clauses = Forslaget er tiltrådt, når mindst ét at-punkt er tiltrådt, og ellers forkastet.
decision-error-choose-the-committee = Vælg det udvalg, punktet henvises til.
decision-error-only-referred-goes-to-a-committee = Kun et henvist punkt sendes til et udvalg.
decision-error-only-referred-is-consulted = Kun et henvist punkt sendes i høring hos andre udvalg.
decision-error-statement-incomplete = { $kind }: skriv hvem den er fra og teksten.
decision-error-dissent-needs-a-vote = En afvigende mening kræver en afstemning, hvor det fremgår hvem der stemte imod flertallet.
decision-error-dissent-not-in-minority = { $who } stemte ikke i mindretal, og kan derfor ikke få en afvigende mening tilført protokollen.

## The decision and task forms.
decision-the-decision = Beslutningen
votes-field-for = { $what }, stemmer for
votes-field-against = { $what }, stemmer imod
votes-field-abstain = { $what }, undlod at stemme
substitute-position = { $position }. stedfortræder
hint-written-by-the-secretariat = Skrevet af sekretariatet.
hint-read-from = Læst af »{ $phrase }«.
hint-deadline-without-a-date = Teksten siger »{ $phrase }« uden dato: skriv fristen.
hint-deadline-before-the-meeting = »{ $phrase }« er { $named }, før mødet { $meeting }: årstallet i teksten er nok forkert. Skriv fristen.
hint-deadline-did-the-text-mean = { $hint } Mente teksten { $day }?
hint-the-text-names-no-deadline = Teksten nævner ingen frist: skriv den.
hint-the-text-names-no-administration = Teksten nævner ingen forvaltning: vælg den ansvarlige.
hint-each-administration = Teksten giver hver forvaltning opgaven (»{ $phrase }«): én opgave til hver.
hint-chosen-by-the-secretariat = Valgt af sekretariatet.
why-read-from = læst af »{ $phrase }«
why-chosen-by-the-secretariat = valgt af sekretariatet
notice-decision-saved = Beslutningen er gemt: { $outcome }.
notice-decision-corrected = Beslutningen er rettet: { $outcome }.
notice-task-sent = Opgaven til { $clause }. at-punkt er sendt til { $lead } ({ $mails ->
    [one] { $mails } mail
   *[other] { $mails } mails
}).
proposal-submitted-by = Stillet af { $who }

## Notices after an action.
notice-meetings-planned = { $count ->
    [one] { $count } møde er planlagt. Det står herunder.
   *[other] { $count } møder er planlagt. De står herunder.
}
notice-election-period-started = Den nye valgperiode er begyndt. { $count ->
    [one] { $count } medlemskab
   *[other] { $count } medlemskaber
} af kommunalbestyrelsen og udvalgene (stedfortrædernes med) sluttede dagen før.
notice-invitation-sent = Invitationen er sendt til { $email }. Linket i mailen gælder i { $hours } timer.
notice-proposal-accepted = Forslaget er godkendt til dagsordenen med sagsnummer { $cases }. Forslagsstilleren har fået besked.
notice-import-done = Filen er indlæst: { $new } oprettet, { $changed } ændret, { $unchanged } uændret.
notice-agenda-released = Dagsordenen{ $version ->
    [1] {""}
   *[other] {" "}(version { $version })
} er udsendt til { $members ->
    [one] { $members } medlem
   *[other] { $members } medlemmer
} og { $subscribers ->
    [one] { $subscribers } abonnent
   *[other] { $subscribers } abonnenter
} og er offentlig på mødets side.
proposal-submitted-late = Indsendt efter fristen
review-accepted = Godkendt
review-returned = Sendt retur
heading-new-proposal = Nyt medlemsforslag
heading-edit-proposal = Ret medlemsforslag
error-the-answer-is-already-on-an-agenda = Svaret er allerede sat på en dagsorden, eller opgaven er lukket.
error-the-task-is-not-answered-yet = Opgaven er ikke besvaret endnu; et svar kan først sættes på en dagsorden, når den ansvarlige forvaltning har svaret.
chart-tasks-open = { $count ->
    [one] { $count } åben
   *[other] { $count } åbne
}
chart-tasks-overdue = { $count ->
    [one] { $count } overskreden
   *[other] { $count } overskredne
}
chart-tasks-answered = { $count ->
    [one] { $count } besvaret
   *[other] { $count } besvarede
}

## A letter's first draft, in the council's language.
letter-attention = Att.: { $name }
letter-reply-heading = Svar på { $heading_in_sentence }
letter-salutation = Kære { $name }
letter-closing = Med venlig hilsen

## Why a planned date has no meeting; the holidays' names.
plan-skipped-on-request = Sprunget over efter ønske
plan-skipped-offices-closed = { $holiday }: kontorerne er lukkede
plan-skipped-already-a-meeting = Der er allerede et møde den dag
plan-skipped-in-the-past = Ligger i fortiden
audit-note-year-plan = årsplan
holiday-new-years-day = Nytårsdag
holiday-christmas-day = Juledag
holiday-boxing-day = 2. juledag
holiday-maundy-thursday = Skærtorsdag
holiday-good-friday = Langfredag
holiday-easter-sunday = Påskedag
holiday-easter-monday = 2. påskedag
holiday-general-prayer-day = Store bededag
holiday-ascension-day = Kristi himmelfartsdag
holiday-whit-sunday = Pinsedag
holiday-whit-monday = 2. pinsedag
holiday-constitution-day = Grundlovsdag
holiday-christmas-eve = Juleaftensdag
holiday-new-years-eve = Nytårsaftensdag
holiday-saturday = Lørdag
holiday-sunday = Søndag
rule-kind-calendar-days = Dage før mødet
rule-kind-working-days = Arbejdsdage før mødet
rule-kind-weekday = En ugedag i ugen før mødet
interval-every-week = Hver uge
interval-every-second-week = Hver anden uge
interval-every-fourth-week = Hver fjerde uge
interval-first-of-the-month = Den første i hver måned
interval-second-of-the-month = Den anden i hver måned
interval-third-of-the-month = Den tredje i hver måned
interval-fourth-of-the-month = Den fjerde i hver måned
interval-last-of-the-month = Den sidste i hver måned
error-task-already-closed = Opgaven er allerede afsluttet.
error-task-already-answered = Opgaven er allerede besvaret. Kontakt sekretariatet, hvis svaret skal ændres.
error-task-closed-cannot-be-answered = Opgaven er afsluttet og kan ikke længere besvares.
error-task-only-an-answer-goes-back = Kun et besvaret svar kan sendes tilbage.
error-task-must-be-answered-first = Opgaven skal være besvaret, før svaret kan forelægges.
error-minutes-no-chair = Udvalget har ingen formand på mødedagen, så protokollen kan ikke godkendes af formanden. Registrér formanden, eller lad alle deltagere godkende.
error-minutes-no-attendance = Fremmødet er ikke registreret, så det vides ikke, hvem der skal godkende protokollen. Registrér fremmødet først.
error-the-proposal-is-already-on-the-agenda = Forslaget står allerede på dagsordenen.
error-the-proposal-is-on-another-agenda = Forslaget står allerede på et andet mødes dagsorden.

## What a supplementary agenda says changed, in the agenda's language.
agenda-change-moved = Mødet er flyttet til { $when }.
agenda-change-location = Mødet holdes nu i { $location }.
agenda-change-new-item = Nyt punkt { $number }: { $title }.
agenda-change-now-open = er nu et åbent punkt
agenda-change-now-closed = er nu et lukket punkt
agenda-change-new-title = har fået ny titel
agenda-change-new-text = har fået ændret tekst
agenda-change-new-attachments = har fået ændrede bilag
agenda-change-renumbered = Punkt { $old } »{ $title }« er nu punkt { $number }.
agenda-change-item = Punkt { $number } »{ $title }« { $what }.
agenda-change-removed = Punkt { $number } »{ $title }« er taget af dagsordenen.
checklist-lawful = Forslaget er lovligt
checklist-municipal = Det er en kommunal opgave
checklist-clear = Forslaget er klart formuleret
checklist-not-handled = Samme spørgsmål er ikke behandlet tidligere i valgperioden
checklist-consistent = Overskrift, at-punkter og motivation hænger sammen
parse-warning-truncated = Teksten er længere end { $kb } kB; kun begyndelsen er læst.
parse-warning-no-motivation-heading = Overskriften »Motivation« mangler; teksten efter at-punkterne er læst som motivation.
parse-warning-lines-ignored = { $count ->
    [one] { $count } linje
   *[other] { $count } linjer
} før at-punkterne kunne ikke placeres og er udeladt; tjek formularen.
parse-warning-no-title = Teksten har ingen overskrift (»Medlemsforslag om …«).
parse-warning-no-clauses = Teksten har ingen at-punkter (»1. at …«); skriv dem i formularen.
letter-item-title = Orientering: brev fra { $sender } om { $heading }
letter-item-body = { $sender } har skrevet til kommunen. Brevet er vedlagt.
letter-sample = Prøve
followup-item-title = Opfølgning på { $title_in_sentence }, { $clause }. at-punkt
mailbox-no-subject = (intet emne)
mailbox-no-name = (uden navn)
proposal-default-opening = Det foreslås,
proposal-title-start = Medlemsforslag om
error-the-form-is-stale = Formularen kunne ikke godkendes: den er for gammel, eller den kom ikke fra Agendum. Gå tilbage, genindlæs siden, og prøv igen.
error-the-proposal-was-changed-by-someone = Forslaget er blevet ændret af en anden, siden du åbnede det. Dine ændringer er ikke gemt; de står stadig i formularen. Åbn forslaget igen i en ny fane, se ændringerne, og ret derefter til.
error-the-item-cannot-move-further = Punktet kan ikke flyttes længere den vej: godkendelsen af dagsordenen står først, og lukkede punkter står efter de åbne.
error-the-item-cannot-stand-there = Punktet kan ikke stå dér: godkendelsen af dagsordenen står først, og lukkede punkter står efter de åbne.
date-range-until = {" "}til { $day }
import-error-empty = Filen er tom. Den første linje skal være overskriften: { $columns }.
import-error-too-large = Filen er for stor (højst { $mb } MB).
import-error-not-text = Filen er ikke UTF-8-tekst. Gem den som »CSV UTF-8« og prøv igen.
import-error-unknown-column = Overskriften kender ikke kolonnen »{ $column }«. Kolonnerne er: { $columns }.
import-error-missing-column = Overskriften mangler kolonnen »{ $column }«. Kolonnerne er: { $columns }.
import-error-repeated-column = Overskriften nævner kolonnen »{ $column }« to gange.
import-error-too-many-rows = Filen har flere end { $rows } rækker. Del den op.
import-error-malformed = Linje { $line } kan ikke læses som CSV: { $why }
mail-error-name = Navnet »{ $name }« må ikke indeholde linjeskift eller styretegn.
mail-error-empty-subject = Emnet må ikke være tomt.
mail-error-subject = Emnet må ikke indeholde linjeskift eller styretegn.
mail-error-no-recipients = Beskeden har ingen modtagere.
mail-error-attachment-name = Vedhæftningens filnavn »{ $name }« er ugyldigt.
mail-error-content-type = Vedhæftningens indholdstype »{ $kind }« er ugyldig.
example-members-file = Eksempel på en medlemsfil
error-oparl-no-such-object = Objektet findes ikke i Agendums OParl-data.
error-oparl-bad-parameter = Parameteren »{ $name }« forstås ikke her, eller dens værdi er ugyldig. Lister forstår created_since, created_until, modified_since og modified_until (et tidspunkt som 2025-04-30T17:30:00+02:00), limit (1 til 1000) og after.
layout-search = Søg
search-heading = Søg
search-query-label = Søg i dagsordener, medlemsforslag, beslutninger, breve, sager og bilag
search-query-hint = Sæt anførselstegn om ord, der skal stå sammen: "sociale medier". Et sagsnummer finder sagen først.
search-button = Søg
search-filters = Afgræns søgningen
search-kind = Type
search-any = Alle
search-status = Status eller udfald
search-body = Kommune
search-year = År
search-from = Fra dato
search-to = Til dato
search-sort = Sortér efter
search-sort-relevance = Relevans
search-sort-date = Dato, nyeste først
search-count = { $count ->
    [one] Ét resultat.
   *[other] { $count } resultater.
}
search-count-more = Mere end { $count } resultater. Afgræns søgningen for at se resten.
search-nothing-found = Intet fundet. Prøv med færre eller andre ord, eller fjern en afgrænsning.
search-restricted = Ikke offentlig
SearchKind-proposal = Medlemsforslag
SearchKind-agenda-item = Dagsordenspunkt
SearchKind-decision = Beslutning
SearchKind-file = Bilag
SearchKind-letter = Brev
SearchKind-case = Sag
error-search-query-too-long = Søgningen er for lang: højst { $max } tegn.
search-words-cut = Søgningen bruger de første { $max } ord.
error-search-bad-date = En dato kan ikke læses. Skriv den som 30.04.2025 eller 2025-04-30.
error-search-bad-body = Kommunen angives med sit nummer.
error-search-bad-kind = Den type findes ikke. Typerne er proposal, agenda-item, decision, file, letter og case.
error-search-bad-status = Den status findes ikke.
error-search-bad-year = Året skal være et årstal som 2025.
error-search-bad-sort = Sorteringen skal være relevance eller date.
error-page-must-be-1-or-more-search = Siden skal være 1 eller mere, og antal pr. side mellem 1 og { $max }.
error-search-unknown-parameter = Parameteren »{ $name }« findes ikke. Søgningen forstår q, body, organization, kind, year, from, to, status, sort, page og per_page.
error-search-bad-query-string = Søgningens parametre kan ikke læses; hver parameter må stå én gang.
oparl-file-agenda = Dagsorden, version { $version }
oparl-file-minutes = Beslutningsprotokol, version { $version }
oparl-consultation-role = Behandling
error-search-bad-organization = Rådet eller udvalget angives med sit nummer.
search-organization = Råd eller udvalg
error-search-bad-value = Parameteren »{ $name }« har ingen gyldig værdi (en dato skrives 2025-04-30).
