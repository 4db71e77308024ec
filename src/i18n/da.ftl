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

release-sent = Dagsordenen er udsendt til { $members ->
    [one] { $members } medlem
   *[other] { $members } medlemmer
} og { $subscribers ->
    [one] { $subscribers } abonnent
   *[other] { $subscribers } abonnenter
}.

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
demo-account-administration = forvaltning, Økonomiforvaltningen
