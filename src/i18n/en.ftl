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
