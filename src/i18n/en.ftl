# Agendum's words in English. Every key is in da.ftl too (a test checks).

## The layout of every page

layout-skip-link = Skip to content
layout-main-menu = Main menu
layout-meetings = Meetings
layout-account-hint = your account and password
layout-log-in = Log in
layout-log-out = Log out
layout-footer-about = Agendas, member proposals and follow-up with Agendum.
layout-footer-follow-up = Member proposals in follow-up
layout-footer-completed = Completed member proposals
layout-footer-open-data = Open data:
# The switch to the other language, written in that language.
language-switch = English
language-switch-label = Language

## The menus of each role

nav-incoming = Proposals
nav-meetings = Meetings and deadlines
nav-follow-up = Follow-up
nav-letters = Letters
nav-outbox = Outbox
nav-settings = Settings
nav-my-proposals = My proposals
nav-my-tasks = Our tasks

## Roles

role-secretariat = Secretariat
role-politician = Politician
role-chair = Chair
role-administration = Administration

## Notices after an action

release-sent = The agenda has been sent to { $members ->
    [one] { $members } member
   *[other] { $members } members
} and { $subscribers ->
    [one] { $subscribers } subscriber
   *[other] { $subscribers } subscribers
}.

## The public overviews of member proposals

overview-follow-up-heading = Member proposals in follow-up
overview-follow-up-intro = Adopted member proposals whose tasks the administrations are to answer. The answers are shown with each proposal once given.
overview-completed-heading = Completed member proposals
overview-completed-intro = Member proposals that have been dealt with: rejected, noted, or adopted and followed up, with the administrations' answers presented.
overview-count = { $count ->
    [one] { $count } proposal.
   *[other] { $count } proposals.
}
overview-see-also = See also
overview-and = and
overview-tasks = { $tasks ->
    [one] { $tasks } task
   *[other] { $tasks } tasks
} for the administrations: { $answered } answered, { $waiting } awaiting an answer
overview-overdue = { $count } past the deadline
overview-empty = There are no proposals here yet.

## Paging through a list

pager-label = Pages
pager-previous = Previous page
pager-next = Next page
pager-page-of = Page { $page } of { $pages }

## Error pages

error-title-not-found = Page not found
error-title-method = That action is not available here
error-title-gone = The link no longer works
error-title-bad-request = The request cannot be handled
error-title-unauthorized = Please log in
error-title-forbidden = You do not have access
error-title-too-many = Too many attempts
error-title-too-large = The request is too large
error-title-conflict = The change cannot be saved
error-title-unavailable = The service is temporarily unavailable
error-title-internal = Something went wrong
error-code = Error code { $status }.
error-front-page = Go to the front page

## Logging in

login-title = Log in
login-already = You are logged in as { $name }.
login-continue = Continue
login-again = Log in again to continue. This action needs a recent login.
login-failed = You were not logged in
login-email = Email address
login-password = Password
login-forgot = Forgot your password?
login-demo-heading = Demo accounts
login-demo-intro = This installation runs with demo data. The password for all three is
demo-account-secretariat = the secretariat (BR-sekretariatet in Økonomiforvaltningen)
demo-account-politician = politician, Maja Lund Holm, member of Borgerrepræsentationen for Enhedslisten
demo-account-administration = administration staff, Økonomiforvaltningen
