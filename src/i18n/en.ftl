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
demo-account-member = politician, Sarah Whitfield, member of Borgerrepræsentationen for the Social Democrats; pages and mail in English
demo-account-administration = administration staff, Økonomiforvaltningen

## Pages (by the template where the words first stand)

# administration/my_tasks.html
the-administrations-tasks = The administration's tasks
tasks-for-administration = Tasks for { $administration }
tasks-from-political-decisions-that-the = Tasks from political decisions that the administration is responsible for or contributes to. Everyone in the administration with a login sees the same tasks.
task = Task
the-administration-is = The administration is
responsible = Responsible
deadline = Deadline
status = Status
clause-clause = Clause { $clause }
overdue = overdue
none = None.
pages = Pages
previous-page = Previous page
next-page = Next page
# administration/task_answer.html
task-for-administration = Task for { $administration }
contribution-from-administration = Contribution from { $administration }
task-2 = › Task
contribution-from-administration-to-lead = Contribution from { $administration } to { $lead }
not-sent = Not sent
the-deadline-has-passed = the deadline has passed
the-answer-goes-to = The answer goes to
decision = Decision
the-decision = The decision
the-task = The task:
a-new-deadline-has-been-requested = A new deadline has been requested, { $proposed_deadline }: { $extension_reason }. The secretariat will decide.
contributions-from-other-administrations = Contributions from other administrations
answered-answered-at-by-answered-by = answered { $answered_at } by { $answered_by }
not-answered-yet = not answered yet
the-answer = The answer
answered-answered-at-by-answered-by-2 = Answered { $answered_at } by { $answered_by }.
your-contribution = Your contribution
sent-my-answered-at-by-my = Sent { $my_answered_at } by { $my_answered_by }.
you-can-correct-it-until-lead = You can correct it until { $lead } has answered.
attached-files = Attached files
answer-the-task = Answer the task
correct-your-contribution = Correct your contribution
give-your-contribution = Give your contribution
the-answer-complete-with-the-contributions = The answer (complete, with the contributions)
the-contribution = The contribution
answered-by-name-and-department-if = Answered by (name and department, if any)
attach-a-file = Attach a file
to-the-answer = to the answer
to-the-contribution = to the contribution
for-example-a-memo-or-a = For example a memo or a spreadsheet (PDF, Word, Excel, images). Press “Attach the file”; what you have written stays. The file goes with the answer to the secretariat
and-the-responsible-administration = and the responsible administration
send = Send
attach-the-file = Attach the file
we-need-more-time = We need more time
new-deadline = New deadline
e-g = E.g.
why = Why
ask-for-a-new-deadline = Ask for a new deadline
the-task-is-no-longer-open = The task is no longer open for answers.
# base.html
meetings = Meetings
# dev/mailbox.html
development-mailbox = Development mailbox
no-smtp-server-is-set-up = No SMTP server is set up, so Agendum puts all mail here instead of sending it: the files are in
the-newest-limit-are-shown = . The newest { $limit } are shown.
subject = Subject
to = To
from = From
date = Date
there-is-no-mail-yet-try = There is no mail yet. Try
# dev/mailbox_message.html
reply-to = Reply to
html-version = HTML version
the-messages-html-version = The message's HTML version
text-version = Text version
content-type-size-bytes = ({ $content_type }, { $size } bytes)
see-the-message-as-it-was = See the message as it was written (source)
# followup_section.html
decision-and-follow-up = Decision and follow-up
the-minutes-have-not-been-approved = The minutes have not been approved yet.
tasks-for-the-administrations = Tasks for the administrations
clause-clause-lead = Clause { $clause }: { $lead }
the-task-2 = the task
contributions-from-contributors = Contributions from { $contributors }.
deadline-deadline = Deadline { $deadline }
the-answer-goes-to-answer-to = the answer goes to { $answer_to }
status-status-label = Status: { $status_label }
presented = presented
put-on-the-agenda-for = put on the agenda for
answer-from-lead = Answer from { $lead }
# macros.html
long-date-time = { $long_date }, { $time }
meetings-and-deadlines = Meetings and deadlines
at-location-status-label = at { $location } · { $status_label }
the-agenda = The agenda
the-public-page = The public page
decisions-and-attendance = Decisions and attendance
# politician/minutes_draft.html
draft-document-title = Draft: { $document_title }
decisions = Decisions
draft-minutes = › Draft minutes
draft-minutes-2 = Draft minutes
approve-the-minutes = Approve the minutes
you-have-approved-the-minutes = You have approved the minutes.
present = Present
absent = Absent
closed-item = Closed item
decision-2 = Decision:
approvals = Approvals
# politician/my_proposals.html
my-proposals = My proposals
write-a-new-member-proposal = Write a new member proposal
proposals-you-have-written-or-stand = Proposals you have written or stand behind as proposer or co-signatory
proposal = Proposal
meeting = Meeting
last-changed = Last changed
late = (late)
not-chosen = Not chosen
you-have-no-proposals-yet = You have no proposals yet.
# politician/proposal_compare.html
versions-title = Versions: { $title }
proposal-id = Proposal { $id }
versions = › versions
versions-from-and-to = Versions { $from } and { $to }
title-version-from-was-saved = { $title }. Version { $from } was saved
version-to = version { $to }
struck-through = Struck through
has-been-removed = has been removed,
underlined = underlined
has-been-added = has been added.
from-version = From version
to-version = to version
compare = Compare
# politician/proposal_form.html
the-proposal-has-not-been-saved = The proposal has not been saved
paste-a-proposal-you-have-written = Paste a proposal you have written elsewhere
text = Text
paste-the-whole-proposal-heading-det = Paste the whole proposal: heading, “Det foreslås,”, the numbered clauses, “(Stillet af …)” and the motivation. Agendum fills in the form below, which you then correct and save.
fill-in-the-form = Fill in the form
save-draft = Save draft
heading = Heading
introduction = Introduction
clauses = Clauses
each-clause-begins-with-at-that = Each clause begins with “at …” (that …). The clauses are numbered automatically.
clause-number = Clause { $number }
move-clause-number-up = Move clause { $number } up
move-clause-number-down = Move clause { $number } down
remove-clause-number = Remove clause { $number }
add-a-clause = Add a clause
motivation = Motivation
separate-paragraphs-with-an-empty-line = Separate paragraphs with an empty line. You can use Markdown: *italic*, **bold**, lists with “-”.
the-meeting-that-is-to-consider = The meeting that is to consider the proposal, with the deadline for submitting it.
choose-later = Choose later
label-deadline-deadline = { $label } – deadline { $deadline }
passed = (passed)
proposed-by-party = Proposed by (party)
no-party-proposed-by-the-named = No party – proposed by the named members
co-signatories-from-members-of = Co-signatories from { $members_of }
choose-members = Choose members
case-numbers = Case numbers
if-the-proposal-belongs-to-an = If the proposal belongs to an existing case, e.g. 2025-0124174. Otherwise the secretariat assigns one.
# proposal_private.html
incoming-proposals = Incoming proposals
proposal-id-2 = › proposal { $id }
not-saved = Not saved
the-case-number-unknown-cases-is = The case number { $unknown_cases } is not in the case register.
the-case-numbers-unknown-cases-are = The case numbers { $unknown_cases } are not in the case register.
check-the-number = Check the number
under-edit-the-proposal = under Edit the proposal
if-it-is-a-new-case = . If it is a new case, the secretariat creates it when the proposal is accepted.
submitted-after-the-deadline = – submitted after the deadline
for = For
left-left = – { $left } left
a-proposal-submitted-now-is-marked = a proposal submitted now is marked as late
proposer = Proposer
co-signatories = Co-signatories
submitted = Submitted
reason-for-the-late-placement = Reason for the late placement
edit-the-proposal = Edit the proposal
submit-again = Submit again
submit-the-proposal = Submit the proposal
withdraw-the-proposal = Withdraw the proposal
delete-the-draft = Delete the draft
the-secretariats-comment = The secretariat's comment
member-proposal = Member proposal
the-secretariats-handling = The secretariat's handling
checklist = Checklist
case-number = Case number
assign-a-new-case-number-from = Assign a new case number from the case register
e-g-2025-0124174 = e.g. 2025-0124174
reason-for-putting-the-late-proposal = Reason for putting the late proposal on the agenda
accept-for-the-agenda = Accept for the agenda
comment-to-the-proposer-when-the = Comment to the proposer (when the proposal is returned)
return-with-the-comment = Return with the comment
versions-of-the-text = Versions of the text
version-version-saved = Version { $version }, saved
compare-with-version = compare with version
outcome-version-version = { $outcome } (version { $version })
history-audit-trail = History (audit trail)
# public/case.html
case-reference = Case { $reference }
case-reference-2 = › Case { $reference }
timeline = Timeline
new-outgoing-letter-on-the-case = New outgoing letter on the case
register-an-incoming-letter-on-the = Register an incoming letter on the case
# public/feed.html
news-feed-title = News feed: { $title }
news-feed = News feed
a-news-feed-atom-is-used = A news feed (Atom) is used in a feed reader, for example in your mail program or a news app: it fetches the new agendas and minutes itself as soon as they are released. Copy the address below into the feed reader.
the-feeds-address = The feed's address
would-you-rather-have-an-email = Would you rather have an email?
follow-by-email-or-in-your = Follow by email or in your calendar
latest-in-the-feed = Latest in the feed
nothing-has-been-released-yet = Nothing has been released yet.
# public/index.html
meetings-in-name = Meetings in { $name }
agendas-for-the-meetings-of-council = Agendas for the meetings of { $council_genitive } and the committees. The agenda is published when it has been sent to the members.
follow-name = Follow { $name }
by-email-in-your-calendar-or = by email, in your calendar or as a feed
upcoming-meetings = Upcoming meetings
no-meetings-planned = No meetings planned.
recent-meetings = Recent meetings
no-meetings-held = No meetings held.
there-are-no-meetings-yet = There are no meetings yet.
# public/login_code.html
log-in-code = Log in: code
enter-the-code-from-your-app = Enter the code from your app
you-were-not-logged-in = You were not logged in
your-account-uses-two-step-verification = Your account uses two-step verification. Enter the six digits your authenticator app shows right now. If you do not have your phone, you can use one of your recovery codes; each works once.
code = Code
log-in = Log in
start-the-login-again = Start the login again
# public/logout.html
log-out = Log out
you-are-logged-in-as-name = You are logged in as { $name }.
# public/meeting.html
news-from-organization-name = News from { $organization_name }
agenda = AGENDA
for-the-meeting-on = for the meeting on
at-location = at { $location }
organization-name-kind-label-version-version = { $organization_name } · { $kind_label } · Version { $version }, released
the-meeting-is-cancelled = The meeting is cancelled
the-agenda-as-pdf = The agenda as PDF
the-meeting-in-your-calendar = The meeting in your calendar
minutes = Minutes
the-minutes-as-pdf = The minutes as PDF
the-decisions-are-under-each-item = . The decisions are under each item.
present-2 = Present:
absent-2 = Absent:
approved-by-approvals = Approved by: { $approvals }
you-are-reading-version-version = You are reading version { $version }.
read-the-current-version-latest-version = Read the current version { $latest_version }
contents = Contents
from-source = from { $source }
attachments = Attachments
closed-items = Closed items
versions-of-the-agenda = Versions of the agenda
version-version = Version { $version }
released = released
meeting-on = Meeting on
the-meeting-is-cancelled-2 = The meeting is cancelled.
the-agenda-has-not-been-released = The agenda has not been released yet. It is published here when it has been sent to the members.
# public/password_change.html
change-password = Change password
your-password-has-been-changed-you = Your password has been changed. You are still logged in here; your other sessions have been ended.
the-new-password-must-have-at = The new password must have at least { $min_chars } characters; a sentence of several words is easy to remember and hard to guess.
the-password-has-not-been-changed = The password has not been changed
current-password = Current password
new-password = New password
repeat-the-new-password = Repeat the new password
change-the-password = Change the password
two-step-verification = Two-step verification
protect-the-secretariats-account-with-a = Protect the secretariat's account with a code from an app on your phone when you log in:
# public/password_forgot.html
forgotten-password = Forgotten password
if-email-belongs-to-an-account = If { $email } belongs to an account, an email with a link to choose a new password has now been sent. The link works once and for { $hours } hours. If no email arrives, check the address or contact the secretariat.
to-the-login = To the login
enter-the-email-address-you-log = Enter the email address you log in with. If it belongs to an account, we will send a link to choose a new password.
the-link-has-not-been-sent = The link has not been sent
email-address = Email address
send-the-link = Send the link
# public/password_reset.html
choose-a-password = Choose a password
your-password-has-been-saved = Your password has been saved
with-your-email-address-and-the = with your email address and the new password.
the-account-email-the-password-must = The account: { $email }. The password must have at least { $min_chars } characters; a sentence of several words is easy to remember and hard to guess.
the-password-has-not-been-saved = The password has not been saved
repeat-the-password = Repeat the password
save-the-password = Save the password
# public/proposal.html
the-proposal-is-for = The proposal is for
consideration = Consideration
the-proposal-has-not-been-put = The proposal has not been put on a released agenda yet.
# public/subscription.html
follow-organization = Follow { $organization }
get-an-email-when-organization-releases = Get an email when { $organization } releases an agenda or a supplementary agenda. You confirm your address first, and every email has a link to unsubscribe.
not-signed-up = Not signed up
your-email-address = Your email address
follow = Follow
other-ways-to-follow = Other ways to follow
the-meetings-as-a-calendar-icalendar = The meetings as a calendar (iCalendar)
subscribe-in-your-calendar = subscribe in your calendar.
the-agendas-and-minutes-as-a = The agendas and minutes as a news feed (Atom)
for-a-feed-reader = for a feed reader.
check-your-email = Check your email
we-have-sent-a-link-to = We have sent a link to the address you entered. Click it to start following { $organization }. The link works for 7 days.
confirm-that-you-want-to-follow = Confirm that you want to follow { $organization }
address-email = Address: { $email }
confirm = Confirm
you-now-follow-organization = You now follow { $organization }
email-gets-an-email-every-time = { $email } gets an email every time an agenda is released. Every email has a link to unsubscribe.
unsubscribe-from-organization = Unsubscribe from { $organization }
unsubscribe = Unsubscribe
you-are-unsubscribed = You are unsubscribed
email-will-get-no-more-emails = { $email } will get no more emails about the agendas of { $organization }.
# public/two_factor.html
password = Password
two-step-verification-2 = › Two-step verification
that-did-not-work = That did not work
two-step-verification-is-for-the = Two-step verification is for the secretariat's accounts.
your-recovery-codes = Your recovery codes
each-code-works-once-if-you = Each code works once if you do not have your phone. Write them down or keep them somewhere safe; they are not shown again.
i-have-saved-the-codes = I have saved the codes
add-the-account-to-your-app = Add the account to your app
open-an-authenticator-app-e-g = Open an authenticator app (e.g. Microsoft Authenticator, Google Authenticator or 1Password) and choose to add an account with a key.
enter-the-key = Enter the key
time-based-six-digits-or-open = (time-based, six digits), or open
the-link-to-the-app = the link to the app
on-your-phone = on your phone.
enter-the-code-the-app-shows = Enter the code the app shows below.
code-from-the-app = Code from the app
turn-on-two-step-verification = Turn on two-step verification
two-step-verification-is-on = Two-step verification is on
since-enabled-at = (since { $enabled_at })
when-you-log-in-you-must = . When you log in, you must also enter the code from your app. You have { $codes_left } unused recovery codes.
new-recovery-codes = New recovery codes
make-new-recovery-codes = Make new recovery codes
turn-off-two-step-verification = Turn off two-step verification
your-password = Your password
turn-off = Turn off
with-two-step-verification-you-must = With two-step verification you must, besides the password, enter a code from an app on your phone when you log in. Then no one can log in as you with the password alone.
# secretariat/agenda.html
agenda-organization-name-date = Agenda: { $organization_name } { $date }
the-agenda-is-released-by = The agenda is released by
on-this-page = On this page
items = Items
release-a-supplementary-agenda = Release a supplementary agenda
release-the-agenda = Release the agenda
accepted-proposals = Accepted proposals
released-versions = Released versions
the-proposal = The proposal
move-title-up = Move “{ $title }” up
up = Up
move-title-down = Move “{ $title }” down
down = Down
make-title-a-closed-item = Make “{ $title }” a closed item
close = Close
make-title-an-open-item = Make “{ $title }” an open item
open = Open
edit-title = Edit “{ $title }”
edit = Edit
remove-title-from-the-agenda = Remove “{ $title }” from the agenda
remove = Remove
approval-of-the-agenda-always-comes = Approval of the agenda always comes first and closed items always last. With a mouse the items can also be dragged into place.
the-agenda-has-no-items-yet = The agenda has no items yet.
add-approval-of-the-agenda-as = Add “Approval of the agenda” as the first item
release-a-supplementary-agenda-version-next = Release a supplementary agenda (version { $next_version })
changed-since-version = Changed since version
nothing-has-changed-since-version = Nothing has changed since version
reason-for-releasing-after-the-deadline = Reason for releasing after the deadline
only-after-the-deadline = (only after the deadline)
the-deadline-has-passed-the-reason = The deadline has passed; the reason is saved with the version.
all-members-get-an-email-with = All members get an email with a link and a calendar invitation. A released version never changes; later changes are released as a supplementary agenda.
accepted-proposals-waiting = Accepted proposals waiting
put-title-on-the-agenda = Put “{ $title }” on the agenda
put-on-the-agenda = Put on the agenda
no-accepted-proposals-are-waiting-for = No accepted proposals are waiting for an agenda.
add-the-item = Add the item
the-item-has-not-been-saved = The item has not been saved
the-meeting-has-begun-been-held = The meeting has begun, been held or been cancelled; the agenda can no longer be changed.
pdf = PDF
by-released-by = by { $released_by }
after-the-deadline-late-reason = After the deadline: { $late_reason }
the-agenda-has-not-been-released-2 = The agenda has not been released yet.
# secretariat/agenda_item_edit.html
edit-item-organization-name-date = Edit item: { $organization_name } { $date }
agenda-2 = Agenda
item-item-number = › Item { $item_number }
edit-item-item-number = Edit item { $item_number }
item-kind-label-on-the-agenda = { $item_kind_label } on the agenda for the meeting of { $organization_name }
the-proposals-text-is-corrected-on = The proposal's text is corrected on
the-proposal-2 = the proposal
save-the-item = Save the item
public = public
not-public = not public
remove-the-attachment-filename = Remove the attachment { $filename }
the-item-has-no-attachments = The item has no attachments.
pdf-word-excel-powerpoint-opendocument-images = PDF, Word, Excel, PowerPoint, OpenDocument, images, text or CSV; at most { $max_attachment_mb } MB.
public-attachment-on-a-closed-item = Public attachment (on a closed item no attachment is public)
attach = Attach
# secretariat/agenda_item_fields.html
kind-of-item = Kind of item
title = Title
item-number-optional = Item number (optional)
empty-the-number-follows-the-order = Empty: the number follows the order. E.g. 3a for an inserted item.
closed-item-only-for-the-committees = Closed item (only for the committee's members and the secretariat)
from-administration-or-organisation-optional = From (administration or organisation, optional)
none-2 = None
the-recommendations-sections-only-for-recommendations = The recommendation's sections (only for recommendations)
separate-paragraphs-with-an-empty-line-2 = Separate paragraphs with an empty line.
# secretariat/decision.html
decision-title = Decision: { $title }
decisions-organization-name-date = Decisions { $organization_name } { $date }
item-number = › Item { $number }
closed-item-2 = closed item
recorded-decision = Recorded decision
correct-the-decision = Correct the decision
record-the-decision = Record the decision
outcome = Outcome
vote = Vote
leave-the-fields-empty-if-there = Leave the fields empty if there was no vote. Who voted: party letters or names, separated by commas.
for-2 = For
against = Against
abstained = Abstained
voted-for = Voted for
a-b-f = A, B, F, Ø
voted-against = Voted against
abstained-from-voting = Abstained from voting
the-clauses-when-they-were-voted = The clauses, when they were voted on one by one
clause-number-2 = Clause { $number }
as-the-proposal-as-a-whole = As the proposal as a whole
amendments-voted-on-before-the-proposal = Amendments, voted on before the proposal
proposed-by = Proposed by
choose = Choose
the-amendments-text = The amendment's text
notes-in-the-minutes-and-dissenting = Notes in the minutes and dissenting opinions
a-dissenting-opinion-can-only-come = A dissenting opinion can only come from someone who voted against the majority.
kind = Kind
referred-to-for-the-outcome-referred = Referred to (for the outcome “Referred”)
for-an-opinion-from = For an opinion from
own-wording-of-the-decision = Own wording of the decision
leave-the-field-empty-and-agendum = Leave the field empty and Agendum writes the standard text from the outcome and the vote.
save-the-correction = Save the correction
follow-up = Follow-up
sent-tasks = Sent tasks
clause = Clause
answered-contributions-of-contributors-contributions-received = { $answered_contributions } of { $contributors } contributions received
suggested-tasks = Suggested tasks
agendum-has-read-the-tasks-out = Agendum has read the tasks out of the adopted clauses. Correct what needs correcting and send each task on its own. Nothing is sent before you confirm.
sent = sent
waiting-to-be-confirmed = waiting to be confirmed
sent-to-lead = sent to { $lead }
see-the-task = See the task
responsible-administration = Responsible administration
contributing = Contributing
deadline-hint-written-dd-mm-yyyy = { $deadline_hint } Written DD.MM.YYYY.
the-secretariat = The secretariat
the-task-3 = The task
confirm-and-send-the-task = Confirm and send the task
the-decision-gives-no-tasks-to = The decision gives no tasks to send.
# secretariat/decisions.html
decisions-organization-name-date-2 = Decisions: { $organization_name } { $date }
attendance = Attendance
present-take-part-in-the-meeting = { $present } take part in the meeting (members present and substitutes). Votes must add up to that number.
attendance-has-not-been-recorded-so = Attendance has not been recorded, so the votes are not checked against it.
member = Member
substitute = Substitute
chair = chair
attendance-for-name = Attendance for { $name }
substitute-for-name = Substitute for { $name }
no-other-persons-who-can-be = No other persons who can be substitutes are registered.
save-the-attendance = Save the attendance
no-members-are-registered-on-the = No members are registered on the day of the meeting.
item = Item
tasks = Tasks
not-recorded = Not recorded
draft-of-version-version = Draft of version { $version }
correction-reason = (correction: { $reason })
waiting-for-approval = waiting for approval.
read-the-draft = Read the draft
if-you-correct-a-decision-or = . If you correct a decision or the attendance, the draft is rewritten and the approvals must be given again.
approved-by = Approved by
approved = Approved
recorded-by-the-secretariat = recorded by the secretariat
approve-as-the-secretariat = Approve as the secretariat
record-approval-from-name = Record approval from { $name }
when-the-last-one-has-approved = When the last one has approved, the minutes are published on the meeting's page and as PDF, and they can then not be changed; a correction becomes a new version.
correct-the-minutes-what-is-corrected = Correct the minutes: what is corrected?
this-goes-into-the-new-version = This goes into the new version. Until it is approved, the decisions can be corrected, and the published version applies.
start-a-correction = Start a correction
items-lack-a-decision = { $undecided ->
    [one] { $undecided } item lacks a decision.
   *[other] { $undecided } items lack a decision.
}
prepare-the-minutes = Prepare the minutes
the-minutes-are-prepared-when-the = The minutes are prepared when the decisions have been recorded.
version-version-published-published = Version { $version }, published { $published }
# secretariat/inbox.html
no-meeting = No meeting
to-be-handled-submitted-total = To be handled ({ $submitted_total })
submitted-proposals-by-meeting-check-them = Submitted proposals by meeting; check them, and accept them or return them
no-proposals-are-waiting-to-be = No proposals are waiting to be handled.
returned-returned-total = Returned ({ $returned_total })
waiting-for-the-proposer = Waiting for the proposer
accepted-not-on-an-agenda-yet = Accepted, not on an agenda yet ({ $accepted_total })
ready-for-the-agenda = Ready for the agenda
# secretariat/letter.html
letter-heading = Letter: { $heading }
letters = Letters
letter = › Letter
not-done = Not done
case = Case
direction = Direction
approved-approved-at = approved { $approved_at }
sent-sent-at = sent { $sent_at }
public-2 = Public
yes-on-the-case-and-in = Yes, on the case and in the API
when-it-has-been-sent = when it has been sent
no-only-for-the-secretariat = No, only for the secretariat
reply-to-2 = Reply to
put-on-the-agenda-as-an = Put on the agenda as an information item
the-letter-as-pdf = The letter as PDF
the-original-letter-original = The original letter ({ $original })
the-letters-text = The letter's text
actions = Actions
the-letter-has-been-sent-and = The letter has been sent and cannot be changed. If something must be corrected, write a new letter.
edit-the-letter = Edit the letter
approve-the-letter = Approve the letter
send-the-letter-to-recipient-email = Send the letter to { $recipient_email }
make-it-a-draft-again = Make it a draft again
make-it-not-public = Make it not public
make-it-public = Make it public
the-letter-is-sent-as-an = The letter is sent as an email with the PDF attached, through the outbox. After that it is locked.
write-a-reply = Write a reply
put-the-letter-on-the-agenda = Put the letter on the agenda for
an-information-item-on-the-case = An information item on the case, with the letter as an attachment
and-the-original-letter-for-the = and the original letter for the members
the-letter-is-not-public-so = The letter is not public, so the item will be closed.
history = History
# secretariat/letter_form.html
the-letter = The letter
the-letter-has-not-been-saved = The letter has not been saved
reply-to-the-letter-from = Reply to the letter from
the-case = The case
yyyy-nnnnnnn-e-g-2021-0041276 = YYYY-NNNNNNN, e.g. 2021-0041276.
the-case-2 = The case:
the-cases-title-if-the-case = The case's title, if the case is new
only-filled-in-when-the-case = Only filled in when the case does not exist yet; then it is created.
sender-and-date = Sender and date
sender = Sender
the-letter-is-sent-with-the = The letter is sent with the sender's letterhead. Edit letterheads under
letterheads = Letterheads
choose-the-sender-if-it-is = Choose the sender if it is on the list; otherwise write the name below.
choose-a-sender = Choose a sender
not-on-the-list = Not on the list
the-senders-name-if-it-is = The sender's name, if it is not on the list
the-letters-date = The letter's date
dd-mm-yyyy = DD.MM.YYYY.
recipient = Recipient
name = Name
e-g-the-minister-for-the = E.g. the Minister for the Interior and Housing.
title-or-attention-optional = Title or attention (optional)
the-letter-is-sent-here-with = The letter is sent here with the PDF attached.
email-address-optional = Email address (optional)
opening-greeting-optional = Opening greeting (optional)
e-g-dear-kaare-dybvad-bek = E.g. Dear Kaare Dybvad Bek.
separate-paragraphs-with-an-empty-line-3 = Separate paragraphs with an empty line. **Bold**, *italic*, lists and links can be written as Markdown.
can-be-left-out-when-the = Can be left out when the original letter is attached.
closing-greeting = Closing greeting
signatories = Signatories
stand-side-by-side-below-the = Stand side by side below the letter.
at-least-one = At least one.
signatory-n-name = Signatory { $n }: name
signatory-n-title = Signatory { $n }: title
the-original-letter-optional = The original letter (optional)
pdf-word-image-or-text-as = PDF, Word, image or text, as it was received.
public-letter-shown-on-the-case = Public letter: shown on the case and in the API for everyone
register-the-letter = Register the letter
save = Save
# secretariat/letterheads.html
letterheads-2 = › Letterheads
a-letterhead-stands-on-every-page = A letterhead stands on every page of the organisation's letters: name, address, web address and a logo, if any. Outgoing letters can be sent from the municipality's own organisations with an address; external organisations such as KL only stand as senders of incoming letters.
can-send-letters = can send letters
address-one-line-per-line = Address, one line per line
web-address = Web address
logo-png-or-jpeg = Logo (PNG or JPEG)
the-logo-of-name = The logo of { $name }
remove-the-logo = Remove the logo
save-the-letterhead-of-name = Save the letterhead of { $name }
# secretariat/letters.html
new-outgoing-letter = New outgoing letter
register-an-incoming-letter = Register an incoming letter
total-letters-newest-first = { $total } letters, newest first
letter-2 = Letter
page-page = Page { $page }
there-are-no-letters-yet = There are no letters yet.
# secretariat/meeting_edit.html
edit-the-meeting = Edit the meeting
edit-the-meeting-2 = › Edit the meeting
the-meetings-page = The meeting's page
the-agenda-has-been-released-if = The agenda has been released. If the meeting is moved, the new time is shown at once on the meeting's page and in the calendar; release the agenda again (a supplement) so that the members are told.
the-meeting-has-not-been-changed = The meeting has not been changed
time = Time
danish-time-e-g-17-30 = Danish time, e.g. 17:30
place = Place
kind-of-meeting = Kind of meeting
save-the-changes = Save the changes
the-meeting-has-begun-been-held-2 = The meeting has begun, been held or been cancelled and can no longer be changed.
# secretariat/meeting_plan.html
plan-a-year = Plan a year
plan-a-year-2 = › Plan a year
plan-a-years-meetings = Plan a year's meetings
all-meetings-of-a-committee-in = All meetings of a committee in one go: weekday, frequency, time and place. Public holidays, the municipality's
closing-days = closing days
days-that-already-have-a-meeting = days that already have a meeting and the dates you enter are skipped. See the dates first; each meeting can be moved on its own afterwards.
the-plan-has-not-been-made = The plan has not been made
committee = Committee
from-2 = From
up-to-and-including = Up to and including
at-most-a-year-later = At most a year later
weekday = Weekday
how-often = How often
skip-optional = Skip (optional)
dates-or-periods-one-per-line = Dates or periods, one per line, e.g.
or = or
see-the-dates = See the dates
plan-meetings-meetings = Plan { $meetings } meetings
organization-name-meetings-meetings = { $organization_name }: { $meetings } meetings
no-meeting-skipped = No meeting: { $skipped }
# secretariat/meetings.html
plan-a-whole-years-meetings = Plan a whole year's meetings
deadline-rules-and-closing-days = Deadline rules and closing days
the-deadlines-follow-from-each-committees = The deadlines follow from each committee's rules; working days skip weekends, public holidays and closing days.
deadline-for-member-proposals = Deadline for member proposals
agenda-released-by = Agenda released by
build-and-release-the-agenda = Build and release the agenda
there-are-no-upcoming-meetings = There are no upcoming meetings.
meetings-held-decisions-and-follow-up = Meetings held: decisions and follow-up
there-are-no-meetings-held-with = There are no meetings held with a released agenda.
who-approves-the-minutes = Who approves the minutes
who-approves-the-minutes-of-name = Who approves the minutes of { $name }
plan-a-meeting = Plan a meeting
the-meeting-has-not-been-created = The meeting has not been created
meeting-type = Meeting type
create-the-meeting = Create the meeting
# secretariat/outbox.html
outgoing-mail = Outgoing mail
all-mail-agendum-sends-goes-through = All mail Agendum sends goes through the outbox. Messages that cannot be delivered are tried again at growing intervals; a message that the recipient's server refuses, or that has used all its attempts, is given up and can be sent again from here.
total-messages-page-page-of-pages = { $total } messages, page { $page } of { $pages }
created = Created
attempts-attempts = { $attempts } attempts
no-messages-here = No messages here.
# secretariat/outbox_message.html
message-id = › message { $id }
next-attempt = next attempt
attempts = Attempts
last-error = Last error
concerns = Concerns
send-again = Send again
# secretariat/settings.html
settings = Settings
settings-for-municipality = Settings for { $municipality }
the-municipality = The municipality
the-municipalitys-name-stands-at-the = The municipality's name stands at the top of every page, on the front page, in mails and in documents.
the-settings-have-not-been-saved = The settings have not been saved
the-municipalitys-name = The municipality's name
e-g-aarhus-municipality = E.g. Aarhus Municipality
web-address-optional = Web address (optional)
e-g-https-www-aarhus-dk = E.g. https://www.aarhus.dk
the-municipal-council-is-called = The municipal council is called
language-of-mails = Language of mails
for-recipients-who-have-not-chosen = For recipients who have not chosen a language themselves.
form-of-case-numbers = Form of case numbers
as-in-your-case-system-yyyy = As in your case system: YYYY-NNNNNNN (e.g. 2025-0124174), YY/NNNNN (e.g. 25/12345) or with full stops. New case numbers get this form; case numbers in the other forms can still be entered.
save-the-settings = Save the settings
logo = Logo
the-logo-has-not-been-saved = The logo has not been saved
logo-in-the-page-header-png = Logo in the page header (PNG or JPEG, at most 512 kB)
the-current-logo = The current logo
save-the-logo = Save the logo
organisations = Organisations
active = Active
deactivated = Deactivated
municipal-council-committees-parties-administrations-and = Municipal council, committees, parties, administrations and external organisations
persons-and-memberships = Persons and memberships
persons-persons-in-the-register = { $persons } persons in the register.
persons-memberships-and-substitutes = Persons, memberships and substitutes
import-members-from-a-file = Import members from a file
accounts = Accounts
accounts-invite-change-role-deactivate = Accounts: invite, change role, deactivate
electoral-terms = Electoral terms
current-electoral-term-period = Current electoral term: { $period }.
no-electoral-term-has-been-registered = No electoral term has been registered.
meetings-deadlines-and-who-approves-the = Meetings, deadlines and who approves the minutes
# secretariat/settings_account.html
deactivated-2 = (deactivated)
the-change-has-not-been-saved = The change has not been saved
the-changes-have-not-been-saved = The changes have not been saved
save-the-account = Save the account
deactivate = Deactivate
reactivate = Reactivate
a-deactivated-account-cannot-log-in = A deactivated account cannot log in; its sessions and API keys are revoked at once. The history is kept.
you-cannot-deactivate-your-own-account = You cannot deactivate your own account.
the-account-is-deactivated-reactivate-it = The account is deactivated. Reactivate it if the person is to be able to log in with their password again.
deactivate-the-account = Deactivate the account
reactivate-the-account = Reactivate the account
the-account-logs-in-with-a = The account logs in with a password and a code from an app.
if-the-person-has-lost-both = If the person has lost both the phone and the recovery codes, you can turn it off; the account then logs in with the password alone until it turns it on again.
the-account-does-not-use-two = The account does not use two-step verification.
# secretariat/settings_account_fields.html
name-optional = Name (optional)
empty-the-persons-name-otherwise-the = Empty: the person's name, otherwise the address.
role = Role
person-politician-and-chair = Person (politician and chair)
the-person-in-the-register-the = The person in the register the account acts as: the party and the committees follow from the person's memberships.
administration-administration-staff-optional-for-the = Administration (administration staff; optional for the secretariat)
# secretariat/settings_accounts.html
accounts-2 = › Accounts
email = Email
active-2 = Active
deactivated-3 = Deactivated
invite-a-person = Invite a person
the-person-gets-a-mail-with = The person gets a mail with a link to choose their password. The link works once and for three days.
the-invitation-has-not-been-sent = The invitation has not been sent
send-the-invitation = Send the invitation
# secretariat/settings_import.html
import-members = Import members
import-members-2 = › Import members
the-file-cannot-be-imported = The file cannot be imported
what-the-file-will-change = What the file will change
new-created-changed-changed-unchanged-unchanged = { $new } created, { $changed } changed, { $unchanged } unchanged
refused-refused = { $refused } refused
nothing-has-been-saved-yet = . Nothing has been saved yet.
correct-these-rows-and-import-the = Correct these rows and import the file again
line = Line
details = Details
what-happens = What happens
import-the-file-new-created-changed = Import the file: { $new } created, { $changed } changed
the-file-changes-nothing-everything-is = The file changes nothing: everything is in the register already.
choose-a-file = Choose a file
the-file-cannot-be-read = The file cannot be read
a-csv-file-utf-8-comma = A CSV file (UTF-8, comma or semicolon between the fields, at most { $max_mb } MB) with parties, committees, administrations, persons and memberships, one per line. You see what the file changes before anything is saved, and a file imported twice changes nothing the second time.
file = File
see-what-the-file-changes = See what the file changes
the-files-format = The file's format
the-first-line-is-the-header = The first line is the header with the columns' names:
only = . Only
and = and
are-required-the-columns-may-stand = are required; the columns may stand in any order.
organisations-2 = Organisations:
abbreviation-or-list-letter = (abbreviation or list letter),
an-administrations-address = (an administration's address),
the-one-it-belongs-under = (the one it belongs under).
persons = Persons:
a-person-is-recognised-by-the = a person is recognised by the email address, otherwise by the name.
memberships-the-persons = Memberships: the person's
the-municipal-council-the-committee-or = (the municipal council, the committee or the party, by name or abbreviation),
dd-mm-yyyy-and = (DD.MM.YYYY) and
a-substitutes-place-the-person-is = (a substitute's place). The person is created if it does not exist.
# secretariat/settings_membership.html
persons-2 = Persons
membership = › Membership
person-name-in = { $person_name } in
a-membership-is-ended-by-giving = A membership is ended by giving it a last day. It is never deleted: meetings, attendance and votes use the memberships on the meeting's date.
save-the-membership = Save the membership
# secretariat/settings_membership_fields.html
for-the-party-optional = For the party (optional)
the-party-a-member-or-a = The party a member or a substitute sits for.
no-party = No party
up-to-and-including-optional = Up to and including (optional)
the-last-day-empty-until-further = The last day. Empty: until further notice.
the-substitutes-place-optional = The substitute's place (optional)
only-for-substitutes-1-is-called = Only for substitutes: 1 is called first. Empty: last in the party's order.
# secretariat/settings_organization.html
deactivated-4 = deactivated
abbreviation-or-list-letter-optional = Abbreviation or list letter (optional)
save-name = Save { $name }
letterhead-address-and-logo = Letterhead (address and logo)
a-deactivated-organisation-keeps-its-history = A deactivated organisation keeps its history (meetings, tasks, memberships, letters) but gets nothing new: an administration no new tasks, a committee no new meetings or members.
the-organisation-is-deactivated-reactivate-it = The organisation is deactivated. Reactivate it if it is to have meetings, members or tasks again.
deactivate-name = Deactivate { $name }
reactivate-name = Reactivate { $name }
members = Members
party = Party
no-position = no. { $position }
no-members-memberships-are-added-on = No members. Memberships are added on the persons' pages.
# secretariat/settings_organization_fields.html
email-addresses = Email addresses
one-per-line-an-administration-must = One per line. An administration must have at least one: the first gets the follow-up tasks, the others a copy.
belongs-under-optional = Belongs under (optional)
a-committee-under-the-municipal-council = A committee under the municipal council, an administration under its committee.
# secretariat/settings_organizations.html
organisations-3 = › Organisations
abbreviation = Abbreviation
belongs-under = Belongs under
there-are-no-organisations-yet-begin = There are no organisations yet. Begin with the municipal council.
create-an-organisation = Create an organisation
the-organisation-has-not-been-created = The organisation has not been created
e-g-finance-committee-social-democrats = E.g. Finance Committee, Social Democrats, Finance Administration
e-g-u-kf-or-a = E.g. ØU, ØKF or A
create-the-organisation = Create the organisation
# secretariat/settings_periods.html
electoral-terms-2 = › Electoral terms
electoral-term = Electoral term
begin-a-new-electoral-term = Begin a new electoral term
the-previous-electoral-term-and-all = The previous electoral term and all memberships of the municipal council and the committees (substitutes' included) that run into the new one end the day before its first day. Memberships already created for the new term (from its first day or later) stay. Party memberships continue.
the-electoral-term-has-not-begun = The electoral term has not begun
first-day = First day
empty-the-years-e-g-2026 = Empty: the years, e.g. 2026–2029
begin-the-electoral-term = Begin the electoral term
# secretariat/settings_person.html
memberships = Memberships
organisation = Organisation
name-has-no-memberships = { $name } has no memberships.
add-a-membership = Add a membership
the-membership-has-not-been-added = The membership has not been added
add-the-membership = Add the membership
# secretariat/settings_person_fields.html
title-optional = Title (optional)
e-g-alderman-or-member-of = E.g. Alderman or Member of the municipal council
email-optional = Email (optional)
agendas-are-sent-here = Agendas are sent here.
# secretariat/settings_persons.html
persons-3 = › Persons
total-persons-members-substitutes-and-others = { $total } persons: members, substitutes and others who can have a membership.
memberships-today = Memberships today
there-are-no-persons-yet = There are no persons yet.
create-a-person = Create a person
the-person-has-not-been-created = The person has not been created
create-the-person = Create the person
# secretariat/settings_rules.html
deadlines-and-closing-days = Deadlines and closing days
deadlines-and-closing-days-2 = › Deadlines and closing days
each-committee-has-two-deadlines-by = Each committee has two deadlines: by when member proposals must be submitted, and by when the agenda is released. Working days skip weekends, public holidays and the municipality's closing days. A meeting is planned in
a-whole-years-meetings-in = a whole year's meetings in
member-proposals-by-proposal-rule-the = Member proposals by { $proposal_rule }. The agenda is released by { $release_rule }.
the-next-meetings-deadlines-under-the = The next meetings' deadlines under the rules
there-are-no-planned-meetings = There are no planned meetings.
the-rules-have-not-been-saved = The rules have not been saved
counted-as = Counted as
number-of-days-days-or-working = Number of days (days or working days)
weekday-a-weekday-in-the-week = Weekday (a weekday in the week before the meeting)
time-empty-the-meetings-own = Time (empty: the meeting's own)
save-the-deadlines-for-name = Save the deadlines for { $name }
there-is-no-municipal-council-or = There is no municipal council or committee yet. Create them under
closing-days-2 = Closing days
besides-weekends-and-public-holidays-the = Besides weekends and public holidays, the municipality's offices are closed on these days. Deadlines in working days are counted around them, and a year plan skips them.
the-closing-days-have-not-been = The closing days have not been saved
constitution-day-5-june = Constitution Day (5 June)
christmas-eve-24-december = Christmas Eve (24 December)
new-years-eve-31-december = New Year's Eve (31 December)
other-closing-days = Other closing days
one-per-line-date-and-name = One per line: date and name, e.g. “
closing-day-between-christmas-and-new = Closing day between Christmas and New Year”.
save-the-closing-days = Save the closing days
public-holidays = Public holidays
the-public-holidays-are-worked-out = The public holidays are worked out for each year and need not be entered.
# secretariat/task.html
task-lead-clause-clause = Task: { $lead }, clause { $clause }
lead-clause-clause = { $lead }: clause { $clause }
sent-2 = Sent
request-for-a-new-deadline = Request for a new deadline
lead-asks-for-the-deadline-proposed = { $lead } asks for the deadline { $proposed_deadline }: { $extension_reason }
approve-proposed-deadline = Approve { $proposed_deadline }
refuse = Refuse
contributions = Contributions
seen-not-answered-yet = seen, not answered yet
lead-has-not-answered-yet = { $lead } has not answered yet.
overview-of-the-answer = Overview of the answer
the-overview = The overview
the-overview-as-pdf = The overview as PDF
the-answer-and-all-contributions-together = (the answer and all contributions together)
the-answer-has-been-put-on = The answer has been put on
the-agenda-2 = the agenda
put-the-answer-on-the-agenda = Put the answer on the agenda for
an-information-item-from-lead-on = An information item from { $lead } on the case, with the answer as text and the overview as an attachment.
none-of-the-committees = None of the committees
has-any-upcoming-meetings-to-put = has any upcoming meetings to put the answer on. Plan a meeting under
dd-mm-yyyy-the-administrations-are = DD.MM.YYYY. The administrations are told and get a new calendar file.
move-the-deadline = Move the deadline
send-new-links = Send new links
withdraw-the-links = Withdraw the links
close-the-task = Close the task
new-links-are-sent-to-the = New links are sent to the responsible administration and to those who have yet to contribute; the old links stop working.
# secretariat/task_overview.html
overview = › Overview
attached-files-2 = Attached: { $files }
no-contribution-received = No contribution received.
# secretariat/tasks.html
follow-up-on-decisions = Follow-up on decisions
tasks-sent-to-the-administrations-as = Tasks sent to the administrations, as of { $today }.
overview-2 = Overview
figure-tasks-per-responsible-administration = Figure: tasks per responsible administration
tasks-per-responsible-administration = Tasks per responsible administration
open-overdue-and-answered-tasks-the = Open, overdue and answered tasks; the figures are in the table below the figure.
open-2 = Open
overdue-2 = Overdue
answered = Answered
tasks-per-responsible-administration-contributions-from = Tasks per responsible administration; contributions from other administrations are counted under the responsible one.
administration = Administration
closed = Closed
total = Total
no-tasks-have-been-sent-yet = No tasks have been sent yet. Tasks are sent from a meeting's decisions under
requests-for-a-new-deadline = Requests for a new deadline
lead-clause-clause-2 = { $lead }, clause { $clause }
wants-more-time-now-deadline = wants { $more_time } (now { $deadline })
all = All
show = Show
answered-contributions-of-contributors-contributions = { $answered_contributions } of { $contributors } contributions
wants-more-time = wants { $more_time }
tasks-count = { $total ->
    [one] { $total } task.
   *[other] { $total } tasks.
}
page-page-of-pages = Page { $page } of { $pages }
no-tasks-match-the-choice = No tasks match the choice.

## Labels of closed sets of values (`text_enum!`): the key is the type and the stored value

Role-secretariat = Secretariat
Role-politician = Politician
Role-administration = Administration
Role-chair = Chair
PasswordLinkPurpose-set = Choose a password
PasswordLinkPurpose-reset = New password
AgendaItemKind-approval_of_agenda = Approval of the agenda
AgendaItemKind-member_proposal = Member proposal
AgendaItemKind-recommendation = Recommendation
AgendaItemKind-orientation = Information
AgendaItemKind-letter = Correspondence
AgendaItemKind-question = Question
AgendaItemKind-other = Item
Outcome-adopted = Adopted
Outcome-rejected = Rejected
Outcome-referred = Referred
Outcome-postponed = Postponed
Outcome-removed = Removed from the agenda
Outcome-withdrawn = Withdrawn
Outcome-noted = Noted
Outcome-second_reading = Sent to second reading
StatementKind-protocol_note = Note in the minutes
StatementKind-dissent = Dissenting opinion
Lang-da = Danish
Lang-en = English
LetterDirection-incoming = Incoming
LetterDirection-outgoing = Outgoing
LetterStatus-registered = Registered
LetterStatus-draft = Draft
LetterStatus-approved = Approved
LetterStatus-sent = Sent
MeetingStatus-planned = Planned
MeetingStatus-agenda_released = Agenda released
MeetingStatus-held = Held
MeetingStatus-minutes_published = Minutes published
MeetingStatus-cancelled = Cancelled
MeetingKind-regular = Ordinary meeting
MeetingKind-extraordinary = Extraordinary meeting
AttendanceStatus-present = Present
AttendanceStatus-absent = Absent
AttendanceStatus-substitute = Substitute
SignerRule-chair_and_secretariat = The chair and the secretariat
SignerRule-all_participants = Everyone taking part in the meeting
CouncilTitle-kommunalbestyrelse = The Municipal Council
CouncilTitle-byraad = The City Council
CouncilTitle-borgerrepraesentationen = The City Council (Borgerrepræsentationen)
CouncilTitle-regionsraad = The Regional Council
OrganizationKind-council = Municipal council
OrganizationKind-committee = Committee
OrganizationKind-party = Party
OrganizationKind-administration = Administration
OrganizationKind-external = External organisation
MembershipRole-member = Member
MembershipRole-chair = Chair
MembershipRole-vice_chair = Vice-chair
MembershipRole-substitute = Substitute
MembershipRole-staff = Staff member
ProposalStatus-draft = Draft
ProposalStatus-submitted = Submitted
ProposalStatus-returned = Returned
ProposalStatus-accepted = Accepted for the agenda
ProposalStatus-on_agenda = On the agenda
ProposalStatus-decided = Decided
ProposalStatus-in_follow_up = In follow-up
ProposalStatus-closed = Completed
ProposalStatus-withdrawn = Withdrawn
SubmitterRole-proposer = Proposer
SubmitterRole-cosigner = Co-signatory
SubscriptionStatus-pending = Awaiting confirmation
SubscriptionStatus-confirmed = Confirmed
SubscriptionStatus-unsubscribed = Unsubscribed
ContributionStatus-requested = Contribution requested
ContributionStatus-seen = Seen
ContributionStatus-answered = Contribution given
TaskStatus-sent = Sent
TaskStatus-seen = Seen
TaskStatus-in_progress = In progress
TaskStatus-answered = Answered
TaskStatus-presented = Presented
TaskStatus-closed = Closed

## Statuses and phrases written in code

meeting-status-not-released = Agenda not released
meeting-status-today = Held today
meeting-status-minutes-follow = Held – the minutes will follow
proposal-meeting-bound-for = To be considered at
proposal-meeting-on-agenda = On the agenda for
proposal-meeting-treated = Considered at
proposal-status-awaiting-new-treatment = Awaiting new consideration
deadline-rule-at = at { $time }
deadline-rule-days = { $days ->
    [one] { $days } day before the meeting
   *[other] { $days } days before the meeting
}
deadline-rule-working-days = { $days ->
    [one] { $days } working day before the meeting
   *[other] { $days } working days before the meeting
}
deadline-rule-weekday = { $weekday } at { $time } in the week before the meeting
unit-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
unit-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
unit-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
unit-under-a-minute = less than a minute
council-genitive-kommunalbestyrelse = the Municipal Council
council-genitive-byraad = the City Council
council-genitive-borgerrepraesentationen = the City Council (Borgerrepræsentationen)
council-genitive-regionsraad = the Regional Council
task-origin-meeting = { $organization } { $date }, item { $item }

## The audit log: "sent again by the council secretariat"

audit-line = { $action } by { $actor }
audit-outbox-requeued = sent again
audit-user-created = account created
audit-token-created = API key created
audit-proposal-created = created
audit-proposal-edited = edited
audit-proposal-submitted = submitted
audit-proposal-resubmitted = submitted again
audit-proposal-returned = returned
audit-proposal-accepted = accepted
audit-proposal-withdrawn = withdrawn
audit-meeting-planned = planned
audit-letter-drafted = written as a draft
audit-letter-registered = registered
audit-letter-edited = edited
audit-letter-approved = approved
audit-letter-reopened = made a draft again
audit-letter-sent = sent
audit-letter-published = made public
audit-letter-unpublished = made not public
audit-letter-on-agenda = put on the agenda

## The news feed (Atom) and the minutes' version lines

feed-title = { $name }: agendas and decisions
feed-minutes-published = Minutes published: the meeting { $when }
feed-minutes-corrected = Corrected minutes (version { $version }): the meeting { $when }
feed-minutes-summary = { $organization } at { $location }: the decisions are on the meeting's page and in the minutes as PDF.
feed-agenda-released = Agenda released: the meeting { $when }
feed-agenda-supplement = Supplementary agenda (version { $version }): the meeting { $when }
feed-closed-item = { $number }. { $title } (closed item)
feed-meeting-place = { $organization } at { $location }
minutes-version-published = Version { $version }, approved and published { $date }
minutes-version-draft = Draft of version { $version }, not approved
minutes-correction = . Correction: { $reason }
minutes-approved = { $name } ({ $role }), approved { $date }
minutes-on-behalf = , recorded by the secretariat
minutes-approval-missing = { $name } ({ $role }): missing

## Documents (agenda, minutes, overview, letters): the fixed words around the council's text

doc-agenda-heading = AGENDA
doc-agenda-title = Agenda for { $organization } { $date }
doc-agenda-subtitle = for the meeting on { $date }, { $time } at { $location }
doc-supplement-heading = Supplementary agenda (version { $version }). Changes:
doc-kind-from = { $kind } from { $source }
doc-minutes-heading = MINUTES
doc-minutes-title = Minutes of { $organization } { $date }
doc-minutes-subtitle = { $organization }, the meeting on { $date }, { $time } at { $location }
doc-substitute-for = , substitute for { $name }
doc-no-decision = No decision.
doc-statement = { $kind } from { $by }: { $text }
doc-date-line = Date: { $date }
doc-closed-item = Closed item
doc-motivation = Motivation
doc-attachments = Attachments
doc-page-of = Page {"{"}n{"}"} of {"{"}m{"}"}
doc-draft = DRAFT
doc-present = Present
doc-absent = Absent
doc-decision = Decision:
doc-approved = Approved
doc-the-decision = The decision
doc-answer-from = Answer from {"{"}lead{"}"}
doc-attached = Attached: {"{"}files{"}"}
doc-not-answered = {"{"}lead{"}"} has not answered yet.
doc-contributions = Contributions
doc-no-contribution = No contribution received.
subscription-language = Language of the emails
ics-task-deadline = Deadline: follow-up on clause { $clause } ({ $lead })

## Receipts and mail lines written in code

mail-meeting-line = the meeting of { $organization } { $when }
receipt-on-time-for-meeting = Receipt for proposal no. { $number }: submitted for { $meeting } { $submitted }, before the deadline { $deadline }. The receipt has also been sent to your email.
receipt-on-time = Receipt for proposal no. { $number }: submitted { $submitted }, before the deadline { $deadline }. The receipt has also been sent to your email.
receipt-late-for-meeting = Receipt for proposal no. { $number }: submitted for { $meeting } { $submitted }, after the deadline { $deadline }; the secretariat decides whether it can go on the agenda. The receipt has also been sent to your email.
receipt-late = Receipt for proposal no. { $number }: submitted { $submitted }, after the deadline { $deadline }; the secretariat decides whether it can go on the agenda. The receipt has also been sent to your email.

## Errors: what a person is told when something cannot be done

error-the-meeting-does-not-exist = The meeting does not exist.
error-the-agenda-has-been-changed-by = The agenda has been changed by someone else since you opened it. Your change has not been saved; look at the agenda as it is now, and do it again.
error-the-meeting-is-cancelled-the-agenda = The meeting is cancelled; the agenda cannot be changed.
error-the-meeting-has-begun-or-been = The meeting has begun or been held; the agenda can no longer be changed.
error-the-item-is-not-on-the = The item is not on the agenda.
error-the-approval-of-the-agenda-is = The approval of the agenda is always an open item.
error-the-proposal-does-not-exist = The proposal does not exist.
error-the-proposal-is-for-not-for = The proposal is for { $organization_name }, not for { $organization_name1 }.
error-only-accepted-proposals-can-be-put = Only accepted proposals can be put on an agenda; the proposal is “{ $arg0 }”.
error-the-meeting-is-cancelled-its-agenda = The meeting is cancelled; its agenda cannot be released.
error-the-meeting-has-begun-or-been-2 = The meeting has begun or been held; the agenda can no longer be released.
error-the-deadline-for-releasing-the-agenda = The deadline for releasing the agenda was { $arg0 }. Write a reason for releasing it after the deadline; it is saved with the version.
error-nothing-has-changed-since-version-there = Nothing has changed since version { $version }; there is no supplementary agenda to release.
error-the-attachment-is-not-on-the = The attachment is not on the agenda.
error-the-case-number-already-exists = The case number { $reference } already exists.
error-a-substitute-can-only-attend-for = A substitute can only attend for a member who is recorded as absent.
error-an-absent-member-can-only-have = An absent member can only have one substitute.
error-say-whom-the-substitute-attends-for = Say whom the substitute attends for.
error-only-a-substitute-attends-for-another = Only a substitute attends for another member.
error-the-same-person-appears-twice-in = The same person appears twice in the attendance.
error-the-chosen-committee-does-not-exist = The chosen committee does not exist in the municipality.
error-the-item-is-not-on-a = The item is not on a released agenda.
error-decisions-can-only-be-made-at = Decisions can only be made at a meeting whose agenda has been released and which is not cancelled.
error-the-meeting-has-not-begun-yet = The meeting has not begun yet; decisions are recorded during or after the meeting.
error-the-minutes-have-been-approved-and = The minutes have been approved and published. Start a correction of the minutes (a new version) under the meeting's decisions; then the decision can be corrected.
error-an-item-is-referred-to-a = An item is referred to a committee other than the one considering it.
error-tasks-have-been-sent-from-clause = Tasks have been sent from clause { $clause }. Close them before the decision is corrected so that the clause is no longer adopted.
error-the-organisation-does-not-exist = The organisation does not exist.
error-the-letter-was-changed-by-someone = The letter was changed by someone else while you had it open. Look at it as it is now, and try again.
error-the-committee-does-not-exist-or = The committee does not exist, or it does not hold meetings.
error-the-meeting-has-no-released-agenda = The meeting has no released agenda, so there are no minutes to write.
error-the-minutes-are-written-when-the = The minutes are written when the meeting has been held and the decisions recorded.
error-there-is-already-a-draft-of = There is already a draft of the minutes waiting for approval.
error-write-what-is-being-corrected-it = Write what is being corrected; it goes into the new version of the minutes.
error-item-has-no-recorded-decision-yet = Item { $number } (“{ $title }”) has no recorded decision yet.
error-there-are-no-minutes-waiting-for = There are no minutes waiting for approval.
error-you-are-not-among-those-who = You are not among those who approve the minutes.
error-has-already-approved-the-minutes = { $name } has already approved the minutes.
error-the-administration-must-have-an-email = The administration “{ $name }” must have an email address.
error-only-messages-that-were-given-up = Only messages that were given up can be sent again.
error-no-decision-has-been-recorded-on = No decision has been recorded on the item yet.
error-clause-is-not-adopted-and-therefore = Clause { $clause } is not adopted and therefore gives no task.
error-the-responsible-administration-must-be-one = The responsible administration must be one of the municipality's own administrations.
error-is-deactivated-and-gets-no-new = { $name } is deactivated and gets no new tasks.
error-a-contributing-administration-must-be-one = A contributing administration must be one of the municipality's own administrations.
error-appears-twice-among-the-contributors = { $name } appears twice among the contributors.
error-is-the-responsible-administration-and-cannot = { $name } is the responsible administration and cannot also be a contributor.
error-give-the-task-a-deadline = Give the task a deadline.
error-the-answer-must-go-to-the = The answer must go to the municipal council or one of its committees.
error-has-already-been-given-the-task = { $name } has already been given the task from clause { $clause }.
error-write-the-answer = Write the answer.
error-write-who-is-answering-name-and = Write who is answering (name and department, if any).
error-the-answer-is-too-long = The answer is too long.
error-the-task-is-no-longer-open = The task is no longer open.
error-write-why-more-time-is-needed = Write why more time is needed.
error-the-new-deadline-must-be-after = The new deadline must be after the current one.
error-the-task-does-not-exist = The task does not exist.
error-the-task-has-been-changed-since = The task has been changed since you fetched it. Fetch it again, and then try.
error-set-a-new-deadline-approve-the = Set a new deadline, approve the one requested or refuse it – not several at once.
error-no-new-deadline-has-been-requested = No new deadline has been requested.
error-the-deadline-can-only-be-moved = The deadline can only be moved on an open task.
error-new-links-can-only-be-sent = New links can only be sent for an open task, and not at the same time as it is closed or the links are withdrawn.
error-the-task-has-been-answered-or = The task has been answered or closed; files can no longer be attached.
error-at-most-files-can-be-attached = At most { $MAX_FILES } files can be attached.
error-the-proposal-must-have-a-case = The proposal must have a case number: assign a new one, or write an existing one.
error-the-proposal-has-the-status-a = The proposal has the status “{ $arg0 }”: a submitted proposal is not deleted, but it can be withdrawn.
error-the-case-register-for-is-full = The case register for { $year } is full.
error-has-no-valid-email-address-so = { $name } has no valid email address, so the task cannot be sent. Add the address first.
error-the-letter-does-not-exist-or = The letter does not exist, or it is not public.
error-the-file-does-not-exist = The file does not exist.
error-the-link-has-expired-ask-for = The link has expired. Ask for a new one under “Forgotten password” on the login page, or ask the secretariat for a new invitation.
error-the-link-has-already-been-used = The link has already been used. Log in with your password, or ask for a new link under “Forgotten password”.
error-the-link-does-not-exist-check = The link does not exist. Check that the whole address from the email is there.
error-the-account-no-longer-exists = The account no longer exists.
error-the-account-does-not-exist = The account does not exist.
error-you-cannot-deactivate-your-own-account = You cannot deactivate your own account. Ask someone else in the secretariat to do it.
error-it-is-the-last-active-secretariat = It is the last active secretariat account, and it cannot be deactivated.
error-the-approval-of-the-agenda-is-2 = The approval of the agenda is already the first item.
error-the-agendas-pdf-could-not-be = The agenda's PDF could not be made, so nothing has been released. Try again, and contact operations if the error persists.
error-the-answer-must-go-to-choose = The answer must go to { $name }; choose one of its meetings.
error-the-meeting-has-no-released-agenda-2 = The meeting has no released agenda. Decisions are recorded on a released agenda.
error-the-minutes-have-been-published-the = The minutes have been published; the attendance can no longer be changed.
error-the-attendance-names-a-person-who = The attendance names a person who does not belong to the meeting.
error-case-does-not-exist-write-the = Case { $reference } does not exist. Write the case's title to create it.
error-the-sender-does-not-exist-or = The sender does not exist or has no letterhead. Choose a sender on the list, or fill in the organisation's letterhead under Letterheads.
error-the-sender-does-not-exist-choose = The sender does not exist. Choose one on the list.
error-the-letter-does-not-exist = The letter does not exist.
error-a-reply-is-written-on-the = A reply is written on the same case as the letter it replies to.
error-the-letter-could-not-be-made = The letter could not be made as a PDF.
error-the-recipients-address = The recipient's address: { $e }
error-only-incoming-letters-are-put-on = Only incoming letters are put on an agenda for information.
error-the-letter-is-already-on-an = The letter is already on an agenda.
error-write-at-most-six-address-lines = Write at most six address lines.
error-is-not-a-web-address = “{ $w }” is not a web address.
error-the-logo-cannot-be-read-as = The logo cannot be read as an image. Save it again as PNG or JPEG.
error-the-meeting-has-begun-been-held = The meeting has begun, been held or been cancelled and can no longer be changed.
error-the-committee-does-not-exist = The committee does not exist.
error-choose-who-approves-the-minutes = Choose who approves the minutes.
error-choose-the-municipal-council-or-a = Choose the municipal council or a committee.
error-the-municipality-has-not-been-set = The municipality has not been set up yet (agendum setup).
error-the-message-is-not-in-the = The message is not in the outbox.
error-your-account-is-not-linked-to = Your account is not linked to a member. Only politicians can write member proposals.
error-choose-the-meeting-that-is-to = Choose the meeting that is to consider the proposal before you submit it (Edit the proposal).
error-the-meeting-no-longer-exists = The meeting no longer exists.
error-the-meeting-has-already-been-held = The meeting has already been held. Choose an upcoming meeting (Edit the proposal).
error-the-municipal-council-cannot-be-deactivated = The municipal council cannot be deactivated: the municipality always has one.
error-the-person-does-not-exist = The person does not exist.
error-the-membership-does-not-exist = The membership does not exist.
error-write-the-new-deadline-as-dd = Write the new deadline as DD.MM.YYYY (e.g. 31.08.2025).
error-unknown-action = Unknown action.
error-two-step-verification-is-for-the = Two-step verification is for the secretariat's accounts.
error-two-step-verification-is-already-on = Two-step verification is already on.
error-start-again-choose-turn-on-two = Start again: choose “Turn on two-step verification”.
error-the-code-does-not-match-enter = The code does not match. Enter the six digits the app shows right now, and check that the phone's clock is right.
error-the-password-is-wrong = The password is wrong.
error-two-step-verification-is-not-on = Two-step verification is not on.
error-the-code-does-not-match-or = The code does not match, or it has been used before.
error-the-account-is-no-longer-active = The account is no longer active. Log in again.
error-only-the-secretariat-can-turn-off = Only the secretariat can turn off other people's two-step verification.
error-you-turn-off-your-own-two = You turn off your own two-step verification on your own page, with your password.
error-the-account-does-not-have-two = The account does not have two-step verification turned on.
error-the-task-no-longer-exists = The task no longer exists.
error-the-link-has-expired-contact-the = The link has expired. Contact the secretariat if the task still needs an answer.
error-the-link-has-been-withdrawn-by = The link has been withdrawn by the secretariat. Use the newest link you have received, or contact the secretariat.
error-your-account-is-not-linked-to-2 = Your account is not linked to an administration. Ask the secretariat to correct the account.
error-the-task-does-not-exist-or = The task does not exist, or it is not the administration's.
error-only-the-secretariat-can-record-decisions = Only the secretariat can record decisions and tasks.
error-the-task-does-not-exist-or-2 = The task does not exist, or you do not have access to it.
error-the-account-is-not-linked-to = The account is not linked to an administration.
error-tasks-can-be-seen-by-the = Tasks can be seen by the secretariat and the administrations.
error-lead-is-an-organisations-id-1 = lead is an organisation's id (1 or more).
error-standing-is-open-overdue-answered-or = standing is open, overdue, answered or closed.
error-at-most-organisations-in-a-list = At most { $ORGANIZATIONS_MAX } organisations in a list.
error-the-secretariat-can-only-set-the = The secretariat can only set the status to “closed”; the others follow from the answers.
error-page-must-be-1-or-more = page must be 1 or more, and per_page between 1 and { $MAX_PER_PAGE }.
error-scope-can-only-be-public = scope can only be “public”.
error-the-proposal-does-not-exist-or = The proposal does not exist, or you do not have access to it.
error-a-proposal-has-at-most-clauses = A proposal has at most { $CLAUSES_MAX } clauses, { $COSIGNERS_MAX } co-signatories and { $CASES_MAX } case numbers.
error-only-the-proposer-can-edit-the = Only the proposer can edit the proposal.
error-the-proposal-has-the-status-and = The proposal has the status “{ $arg0 }” and cannot be edited now.
error-send-the-lock-version-of-the = Send the lock_version of the proposal the change builds on.
error-only-the-proposer-can-submit-the = Only the proposer can submit the proposal.
error-case-does-not-exist-or-it = Case { $reference } does not exist, or it is not public.
error-only-the-secretariat-can-change-the = Only the secretariat can change the register.
error-kind-must-be-council-committee-party = kind must be council, committee, party, administration or external.
error-your-account-does-not-have-access = Your account does not have access to this page. Log in with another account if you have one.
error-this-action-needs-an-api-key = This action needs an API key: Authorization: Bearer KEY.
error-the-authorization-header-must-have-the = The Authorization header must have the form “Bearer KEY”.
error-the-api-key-is-unknown-or = The API key is unknown or revoked.
error-with-a-login-cookie-changes-must = With a login cookie, changes must send the session's X-CSRF-Token.
error-the-form-is-too-large-make = The form is too large. Make the text shorter, and try again.
error-the-form-has-too-many-fields = The form has too many fields. Go back, reload the page, and try again.
error-the-form-is-not-filled-in = The form is not filled in correctly ({ $e }).
error-the-message-is-not-in-the-2 = The message is not in the development mailbox.
error-the-page-does-not-exist-check = The page does not exist. Check the address, or go to the front page.
error-the-address-does-not-exist-in = The address does not exist in the API.
error-the-address-exists-but-not-with = The address exists, but not with the method { $arg0 }. Use { $arg1 }.
error-active-must-be-true-or-false = active must be true or false.
error-the-file-has-not-been-attached = The file “{ $name }” has not been attached yet. Press “Attach the file” first, and then send the answer.
error-invalid-json = Invalid JSON: { $message }
error-invalid-json-the-request-is-too = Invalid JSON: the request is too large.
error-invalid-parameters = Invalid parameters: { $err }
error-invalid-json-2 = Invalid JSON: { $err }
error-there-are-no-minutes-waiting-for-2 = There are no minutes waiting for your approval.
error-a-proposal-has-at-most-clauses-2 = A proposal has at most { $CLAUSES_MAX } clauses and { $COSIGNERS_MAX } co-signatories.
error-the-form-is-missing-its-version = The form is missing its version.
error-the-proposal-has-no-version = The proposal has no version { $n }.
error-the-proposal-does-not-exist-or-2 = The proposal does not exist, or it is not public yet.
error-the-agenda-has-not-been-released = The agenda has not been released, or the version does not exist.
error-the-meetings-minutes-have-not-been = The meeting's minutes have not been published.
error-the-attachment-does-not-exist-or = The attachment does not exist, or it is not public.
error-the-letter-has-no-original-file = The letter has no original file.
error-the-organisation-has-no-logo = The organisation has no logo.
error-the-municipality-has-no-logo = The municipality has no logo.
error-the-meeting-does-not-exist-perhaps = The meeting does not exist. Perhaps the address is wrong, or the meeting has been deleted.
error-that-version-of-the-agenda-does = That version of the agenda does not exist.
error-the-link-is-invalid-or-has = The link is invalid or has expired. Ask for a new one on the committee's page “Follow”.
error-the-form-is-missing-the-agendas = The form is missing the agenda's version; reload the page.
error-choose-a-proposal = Choose a proposal.
error-where-is-the-item-to-go = Where is the item to go?
error-the-form-is-not-filled-in-2 = The form is not filled in correctly: a row of the attendance is missing.
error-the-form-is-not-filled-in-3 = The form is not filled in correctly: unknown member.
error-choose-present-or-absent-for-each = Choose present or absent for each member.
error-a-member-who-is-present-has = A member who is present has no substitute. Set the member to absent, or remove the substitute.
error-the-form-is-not-filled-in-4 = The form is not filled in correctly: unknown substitute.
error-write-a-whole-number-e-g = { $what }: write a whole number (e.g. 34).
error-write-both-votes-for-and-against = { $what }: write both votes for and against (0 if none).
error-choose-an-outcome = { $what }: choose an outcome.
error-choose-a-committee-from-the-list = Choose a committee from the list.
error-a-note-in-the-minutes-or = A note in the minutes or a dissenting opinion must have both a sender and a text.
error-choose-note-in-the-minutes-or = Choose note in the minutes or dissenting opinion.
error-the-form-is-not-filled-in-5 = The form is not filled in correctly: unknown clause.
error-choose-the-responsible-administration = Choose the responsible administration.
error-write-the-deadline-as-a-date = Write the deadline as a date that exists, as DD.MM.YYYY (e.g. 30.06.2025) – not “{ $text }”.
error-choose-where-the-answer-goes = Choose where the answer goes.
error-choose-a-csv-file-with-the = Choose a CSV file with the members.
error-the-letter-to-be-answered-does = The letter to be answered does not exist.
error-choose-the-meeting-the-letter-is = Choose the meeting the letter is to go on.
error-unknown-status-choose-waiting-sending-sent = Unknown status. Choose waiting, sending, sent or given up.
error-the-form-is-missing-the-person = The form is missing the person.
error-choose-an-image-file-png-or = Choose an image file (PNG or JPEG) to use as the logo.
error-choose-the-meeting-the-answer-goes = Choose the meeting the answer goes to.
error-write-the-new-deadline-as-a = Write the new deadline as a date that exists, as DD.MM.YYYY.
error-the-request-is-too-large-to = The request is too large to be received.
error-the-form-could-not-be-read = The form could not be read: { $e }
error-the-form-has-too-many-fields-2 = The form has too many fields.
error-a-field-in-the-form-is = A field in the form is too long.

## Form fields: what is wrong with what was typed

field-the-name-is-too-long-at = The name is too long (at most { $ACCOUNT_NAME_MAX_CHARS } characters).
field-choose-the-role-secretariat-politician-chair = Choose the role: secretariat, politician, chair or administration.
field-a-politician-or-chair-acts-as = A politician or chair acts as a person in the register: choose the person.
field-an-administration-staff-member-belongs-to = An administration staff member belongs to an administration: choose it.
field-write-the-recipients-name = Write the recipient's name.
field-write-the-recipients-email-address-the = Write the recipient's email address; the letter is sent there.
field-is-not-a-valid-email-address = “{ $e }” is not a valid email address.
field-write-the-letters-heading = Write the letter's heading.
field-the-heading-is-too-long-at = The heading is too long (at most { $HEADING_MAX_CHARS } characters).
field-write-the-letters-text = Write the letter's text.
field-the-text-is-too-long-at = The text is too long (at most { $BODY_MAX_CHARS } characters).
field-write-at-least-one-person-who = Write at least one person who signs the letter.
field-write-the-letters-subject = Write the letter's subject.
field-the-subject-is-too-long-at = The subject is too long (at most { $HEADING_MAX_CHARS } characters).
field-write-the-letters-text-attach-the = Write the letter's text, attach the original letter, or do both.
field-write-whom-the-letter-is-from = Write whom the letter is from.
field-choose-what-the-municipal-council-is = Choose what the municipal council is called in your municipality.
field-choose-danish-or-english = Choose Danish or English.
field-write-the-time-as-hh-mm = Write the time as HH:MM (e.g. 12:00), or leave the field empty.
field-write-a-number-of-days-from = Write a number of days from 0 to { $MAX_DAYS }.
field-choose-the-weekday = Choose the weekday.
field-write-the-time-on-the-weekday = Write the time on the weekday (e.g. 12:00).
field-choose-how-the-deadline-is-counted = Choose how the deadline is counted.
field-line-is-not-a-date-write = Line { $arg0 }: “{ $arg1 }” is not a date. Write one day per line as DD.MM.YYYY and a name if you like, e.g. “28.12.2026 Closing day”.
field-line-the-name-may-be-at = Line { $arg0 }: the name may be at most { $CLOSED_DAY_NAME_MAX_CHARS } characters.
field-line-the-year-is-outside-what = Line { $arg0 }: the year is outside what is possible.
field-write-at-most-closing-days = Write at most { $EXTRA_CLOSED_DAYS_MAX } closing days.
field-write-at-most-dates-to-skip = Write at most { $SKIP_MAX_LINES } dates to skip.
field-is-not-a-date-or-a = “{ $arg0 }” is not a date or a period. Write e.g. 14.07.2027 or 01.07.2027–31.07.2027.
field-choose-the-municipal-council-or-a = Choose the municipal council or a committee.
field-write-the-first-day-the-plan = Write the first day the plan covers, as DD.MM.YYYY (e.g. 01.01.2026).
field-write-the-last-day-the-plan = Write the last day the plan covers, as DD.MM.YYYY (e.g. 01.01.2026).
field-the-last-day-is-before-the = The last day is before the first.
field-a-plan-covers-at-most-one = A plan covers at most one year at a time.
field-choose-the-weekday-the-meetings-are = Choose the weekday the meetings are held on.
field-choose-how-often-the-meetings-are = Choose how often the meetings are held.
field-write-the-time-as-hh-mm-2 = Write the time as HH:MM (e.g. 17:30).
field-write-where-the-meetings-are-held = Write where the meetings are held.
field-the-place-is-too-long-at = The place is too long (at most { $location_max } characters).
field-write-a-heading-e-g-member = Write a heading, e.g. “Member proposal on …”.
field-the-heading-is-too-long-at-2 = The heading is too long (at most { $TITLE_MAX_CHARS } characters).
field-the-introduction-must-be-one-short = The introduction must be one short line (at most { $OPENING_MAX_CHARS } characters).
field-the-proposal-must-have-at-least = The proposal must have at least one clause (“at …”).
field-the-proposal-can-have-at-most = The proposal can have at most { $CLAUSES_MAX } clauses.
field-clause-is-empty-write-the-text = Clause { $arg0 } is empty. Write the text, or remove the clause.
field-clause-is-too-long-at-most = Clause { $arg0 } is too long (at most { $CLAUSE_MAX_CHARS } characters).
field-the-motivation-is-too-long-characters = The motivation is too long: { $motivation_chars } characters, at most { $MOTIVATION_MAX_CHARS }. Make it shorter, or attach an attachment.
field-the-name-is-too-long-at-2 = The name is too long (at most { $NAME_MAX_CHARS } characters).
field-choose-what-kind-of-organisation-it = Choose what kind of organisation it is (municipal council, committee, party, administration or external organisation).
field-the-abbreviation-is-too-long-at = The abbreviation is too long (at most { $SHORT_NAME_MAX_CHARS } characters).
field-an-administration-must-have-an-email = An administration must have an email address: its follow-up tasks are sent there.
field-choose-an-organisation-from-the-list = Choose an organisation from the list.
field-the-title-is-too-long-at = The title is too long (at most { $TITLE_MAX_CHARS } characters).
field-choose-the-role-chair-vice-chair = Choose the role: chair, vice-chair, member, substitute or staff member.
field-write-the-first-day = Write the first day as DD.MM.YYYY (e.g. 01.01.2026).
field-write-the-last-day = Write the last day as DD.MM.YYYY (e.g. 01.01.2026).
field-the-membership-cannot-end-before-it = The membership cannot end before it begins.
field-the-order-is-a-number-from = The order is a number from 1 to { $POSITION_MAX }.
field-only-substitutes-have-a-place-in = Only substitutes have a place in the party's order.
field-write-the-electoral-terms-first-day = Write the electoral term's first day as DD.MM.YYYY (e.g. 01.01.2026).
field-the-person-is-not-in-the = The person is not in the register.
field-the-organisation-does-not-exist = The organisation does not exist.
field-is-not-an-administration-choose-the = { $name } is not an administration; choose the administration.
field-is-deactivated = { $name } is deactivated.
field-an-account-with-the-address-already = An account with the address { $arg0 } already exists.
field-it-is-the-last-active-secretariat = It is the last active secretariat account: invite or activate another first, so that someone can still administer Agendum.
field-the-current-password-is-wrong = The current password is wrong.
field-the-two-new-passwords-are-not = The two new passwords are not the same. Write the same one in both fields.
field-write-where-the-meeting-is-held = Write where the meeting is held.
field-the-place-is-too-long-at-2 = The place is too long (at most { $LOCATION_MAX_CHARS } characters).
field-write-a-date-that-exists-as = Write a date that exists, as DD.MM.YYYY (e.g. 10.12.2026).
field-choose-ordinary-or-extraordinary-meeting = Choose ordinary or extraordinary meeting.
field-the-meeting-must-be-in-the = The meeting must be in the future.
field-choose-a-meeting-on-the-list = Choose a meeting on the list.
field-the-meeting-is-not-an-upcoming = The meeting is not an upcoming meeting of one of your committees. Choose another.
field-you-are-not-a-member-of = You are not a member of a committee or of the municipal council right now.
field-choose-a-party-on-the-list = Choose a party on the list.
field-co-signatories-must-be-members-of = Co-signatories must be members of { $arg0 }.
field-the-abbreviation-is-already-used-by = The abbreviation “{ $short }” is already used by { $name }.
field-an-organisation-of-the-same-kind = An organisation of the same kind named “{ $name }” already exists.
field-the-municipality-already-has-its-municipal = The municipality already has its municipal council ({ $name }). Edit that instead.
field-the-parent-organisation-does-not-exist = The parent organisation does not exist.
field-an-organisation-cannot-belong-under-itself = An organisation cannot belong under itself.
field-the-parent-organisation-itself-belongs-under = The parent organisation itself belongs under this one.
field-an-organisations-kind-cannot-be-changed = An organisation's kind cannot be changed ({ $name } stays { $arg1 }); create a new one, and deactivate the old one.
field-the-person-does-not-exist = The person does not exist.
field-is-deactivated-and-gets-no-new = { $name } is deactivated and gets no new members.
field-a-membership-of-a-party-does = A membership of a party does not sit for an (other) party; leave the field empty.
field-choose-one-of-the-municipalitys-parties = Choose one of the municipality's parties.
field-is-already-of-from-two-memberships = { $person_name } is already { $arg1 } of { $organization_name } from { $arg3 }{ $arg4 } – two memberships of the same organisation must not overlap.
field-a-membership-cannot-be-moved-to = A membership cannot be moved to another person; end it, and create a new one.
field-a-membership-cannot-be-moved-to-2 = A membership cannot be moved to another organisation; end it, and create a new one.
field-the-electoral-term-begins-a-new = The electoral term { $name } begins { $arg1 }; a new electoral term must begin later.
field-a-new-organisation-is-active-deactivate = A new organisation is active; deactivate it afterwards with PATCH.
field-choose-what-kind-of-item-it = Choose what kind of item it is.
field-write-the-items-title = Write the item's title.
field-an-item-number-is-digits-and = An item number is digits and letters, e.g. 3 or 3a; leave the field empty, and the number follows the order.
field-choose-an-administration-or-organisation-from = Choose an administration or organisation from the list.
field-the-text-is-too-long-at-2 = The text is too long (at most { $TEXT_MAX_CHARS } characters per section).
field-a-recommendation-must-have-the-section = A recommendation must have the section “Indstilling”: what the administration recommends.
field-the-approval-of-the-agenda-is = The approval of the agenda is always an open item.
field-write-the-case-number-as-yyyy = Write the case number as YYYY-NNNNNNN, e.g. 2021-0041276.
field-write-the-date-as-dd-mm = Write the date as DD.MM.YYYY, e.g. 12.04.2021.
field-choose-the-sender = Choose the sender.
field-choose-the-sender-on-the-list = Choose the sender on the list.
field-write-a-comment-to-the-proposer = Write a comment to the proposer: what must be corrected?
field-the-comment-is-too-long-at = The comment is too long (at most { $COMMENT_MAX_CHARS } characters).
field-a-proposal-is-accepted-only-when = A proposal is accepted only when every point is met. Missing: { $arg0 }. Otherwise return it with a comment.
field-assign-a-new-case-number-or = Assign a new case number, or write the existing case number.
field-the-proposal-came-after-the-deadline = The proposal came after the deadline: write the reason for putting it on the agenda.
field-the-reason-is-too-long = The reason is too long.

## The overview of a task's answer (page and PDF)

overview-title = Answer to clause { $clause }
overview-clause = Clause { $clause }
overview-cases = Case no. { $cases }
overview-lead = Responsible: { $lead }
overview-deadline = Deadline: { $deadline }
overview-answer-to = Goes to: { $to }
overview-decided = { $organization } decided on { $date }:
overview-answered-by = Answered { $date } by { $by }.
overview-answered = Answered { $date }.
import-kind-person = Person
import-kind-membership = Membership
import-outcome-new = Created
import-outcome-changed = Changed
import-outcome-unchanged = Unchanged
import-outcome-refused = Refused
notice-file-attached = The file “{ $filename }” is attached. The answer has not been sent yet: finish writing it, and press Send.

## Notices after an action

notice-contribution-sent = Thank you. Your contribution has been sent to the responsible administration.
notice-answer-sent = Thank you. The answer has been sent to the secretariat.
notice-more-time-requested = The secretariat has received your request for a new deadline.

## Attached files

attachment-empty = Choose a file.
attachment-name = The file name is missing or invalid.
attachment-kind = The file type “.{ $ext }” cannot be attached. Allowed: PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, GIF), text and CSV.
attachment-mismatch = The file “{ $name }” is not a { $kind } file, as its name says. Save it in the right format.
attachment-too-large = The file is too large (at most { $mb } MB).
two-factor-too-many-codes = Too many wrong codes. Log in again with your password.
two-factor-wrong-code = The code does not match, or it has been used before. Enter the new code from the app, or one of your recovery codes.
error-reason-too-long = The reason is too long (at most { $max } characters).
error-task-not-sent = The task has not been sent. See the message by the suggestion.

## The outbox

outbox-all = All
outbox-pending = Waiting
outbox-sending = Sending
outbox-sent = Sent
outbox-dead = Given up
error-internal = An unexpected error occurred. Try again in a moment.
error-unavailable = The database is not answering right now. Try again in a moment.

## Notices and words written by the pages

notice-minutes-approval-registered = Thank you. Your approval has been recorded.
notice-minutes-published-by-all = Thank you. The minutes have now been approved by everyone and are published here.
notice-text-read-into-form = The text has been read into the form. Check it, correct it, and save.
notice-draft-saved = The draft has been saved. Read it through, and submit it when it is ready.
notice-changes-saved = The changes have been saved.
error-only-proposer-withdraws = Only the proposer can withdraw the proposal.
notice-proposal-withdrawn = The proposal has been withdrawn. The secretariat can see that it has been withdrawn.
error-only-proposer-deletes-draft = Only the proposer can delete the draft.
notice-draft-deleted = The draft has been deleted.
proposal-submit-needs-meeting = The proposal can be submitted once you have chosen the meeting that is to consider it: choose it under Edit the proposal.
proposal-submit-meeting-held = The meeting the proposal is for has been held. Choose an upcoming meeting under Edit the proposal, and it can be submitted.
login-write-both = Write both your email address and your password.
password-not-the-same = The two passwords are not the same. Write the same one in both fields.
password-forgot-write-email = Write the email address you log in with.
password-forgot-too-many = Too many links have been asked for in a short time. Wait an hour, and try again, or contact the secretariat.
subscription-invalid-email = Write a valid email address, e.g. name@example.org.
notice-two-factor-on = Two-step verification is on. Save the recovery codes now: they are shown only this once.
notice-recovery-codes-new = New recovery codes have been made; the old ones no longer work. Save the new ones now.
notice-two-factor-off = Two-step verification is off.
notice-account-saved = The account has been saved.
notice-account-active = The account is active again; the person can log in.
notice-account-deactivated = The account has been deactivated; its sessions and API keys are closed.
notice-account-two-factor-off = Two-step verification has been turned off. The person now logs in with the password alone and can turn it on again.
notice-item-added = The item has been added to the agenda.
notice-approval-item-added = “Approval of the agenda” has been inserted as item 1.
notice-proposal-on-agenda = The proposal has been put on the agenda.
notice-item-moved = The item has been moved, and the items have been numbered again.
notice-item-closed = The item has been closed: the public sees only its title.
notice-item-opened = The item is open again.
notice-item-removed = The item has been removed from the agenda.
notice-item-saved = The item has been saved.
notice-attachment-added = The attachment has been attached to the item.
notice-attachment-removed = The attachment has been removed from the item.
notice-attendance-saved = The attendance has been saved.
notice-minutes-published = The minutes have been approved and published on the meeting's page.
notice-letter-saved = The letter has been saved.
notice-letter-approved = The letter has been approved and can be sent.
notice-letter-reopened = The letter is a draft again and can be edited.
notice-letter-sent = The letter has been sent to the recipient with the PDF attached and can no longer be changed.
notice-letter-published = The letter is public on the case.
notice-letter-unpublished = The letter is no longer public.
notice-letter-on-agenda = The letter has been put on the agenda as an information item.
notice-letter-changed = The letter has been changed.
notice-letterhead-saved = The letterhead has been saved.
notice-meeting-created = The meeting has been created. It is in the list below with its deadlines; the agenda is built from there.
notice-signer-rule-saved = The rule for who approves the minutes has been saved. It applies to minutes prepared from now on.
notice-message-requeued = The message has been queued again and is sent at the next attempt.
notice-rules-saved = The deadline rules have been saved. The new deadlines are below.
notice-closed-days-saved = The closing days have been saved.
notice-meeting-changed = The meeting has been changed.
notice-proposal-returned = The proposal has been returned to the proposer with your comment.
notice-organization-created = The organisation has been created.
notice-organization-saved = The organisation has been saved.
notice-organization-active = The organisation is active again.
notice-organization-deactivated = The organisation has been deactivated; its memberships have ended.
notice-person-created = The person has been created. Add the memberships below.
notice-person-saved = The person has been saved.
notice-membership-added = The membership has been added.
notice-membership-saved = The membership has been saved.
notice-settings-saved = The settings have been saved. All pages show them now.
notice-logo-removed = The logo has been removed.
notice-logo-saved = The logo has been saved and is now in the page header.
notice-overview-on-agenda = The overview of the answer has been put on the agenda as an item with the PDF as an attachment.
notice-deadline-moved = The deadline has been moved, and the administrations have been told with a new calendar file.
notice-deadline-approved = The requested deadline has been approved, and the administrations have been told.
notice-deadline-refused = The request for a new deadline has been refused; the deadline stands.
notice-links-sent = New links have been sent; the old ones no longer work.
notice-links-withdrawn = The links have been withdrawn.
notice-task-closed = The task has been closed, and its links have been withdrawn.
notice-task-changed = The task has been changed.
error-api-proposal-invalid = The proposal is not filled in correctly.
error-api-request-invalid = The request is not filled in correctly.
my-tasks-waiting = Waiting for an answer
my-tasks-done = Answered or closed
proposal-submitted-on-time-here = Submitted in time for this meeting
proposal-submitted-elsewhere = Submitted for another meeting
proposal-waiting-for-meeting = Waiting for a meeting
letter-form-new-outgoing = New outgoing letter
letter-form-register-incoming = Register an incoming letter
letter-form-edit-outgoing = Edit outgoing letter
letter-form-edit-incoming = Edit incoming letter
timeline-treated-at = Considered at meeting
timeline-on-agenda-for = On the agenda for meeting
notice-approval-registered = The approval has been recorded. { $missing ->
    [one] { $missing } approval is
   *[other] { $missing } approvals are
} still missing.
password-too-short = The password must have at least { $min } characters.
password-too-long = The password is too long (at most { $max } bytes).
notice-minutes-drafted = The minutes (version { $version }) have been prepared and sent for approval to { $signers }.
error-an-account-with-the-email-address = An account with the email address { $email } already exists.

## A case's timeline

timeline-appearance = { $organization } – meeting { $when } (item { $item })
timeline-submitted = Member proposal submitted
timeline-submitted-by = Member proposal submitted ({ $by })
timeline-decided = Decision in { $organization }: { $outcome }
timeline-task-sent = Task sent to { $lead } (clause { $clause })
timeline-task-sent-deadline = Task sent to { $lead } (clause { $clause }, deadline { $deadline })
timeline-task-answered = { $lead } has answered clause { $clause }
timeline-the-answer = The answer
timeline-letter-from = Letter from { $sender }: { $heading }
timeline-letter-to = Letter to { $recipient } ({ $status }): { $heading }
timeline-the-letter = The letter
timeline-the-letter-pdf = The letter as PDF

## Calendars (ICS)

ics-meeting = Meeting of { $organization }
ics-meetings = Meetings of { $organization }
ics-agenda-at = Agenda: { $url }
ics-agenda-later = The agenda will be released later: { $url }
organization-language = Language of mail to the organisation (optional)
organization-language-hint = An administration's tasks, reminders and deadlines are sent in this language.
organization-language-default = The municipality's language
field-write-the-organisations-name = Write the organisation's name.
field-write-the-persons-name = Write the person's name.
field-choose-the-person = Choose the person.
field-choose-the-organisation-for-membership = Choose the organisation (the municipal council, a committee or a party).
field-choose-a-party-from-the-list = Choose a party from the list.
field-municipality-name-missing = Write the municipality's name, e.g. “Aarhus Municipality”.
field-municipality-name-too-long = The municipality's name may be at most { $max } characters.
field-municipality-name-control = The municipality's name must not contain control characters.
field-not-a-web-address = “{ $text }” is not a web address (e.g. https://www.kk.dk).
field-too-many-email-addresses = Write at most { $max } email addresses.
field-not-an-email-address = “{ $text }” is not a valid email address.
login-wrong = The email address or the password is wrong.
login-too-many = Too many failed attempts to log in. Wait a quarter of an hour, and try again, or contact the secretariat.
letter-of = { $sender } of { $date }
error-deadline-before-meeting = The deadline { $deadline } is before the meeting on { $meeting }.
deadline-with-time-left = { $deadline } ({ $left } left)

## Steps a status does not allow

error-proposal-step = A proposal with the status “{ $status }” cannot { $step }.
proposal-step-submit = be submitted
proposal-step-return = be returned
proposal-step-accept = be accepted
proposal-step-withdraw = be withdrawn
proposal-step-put-on-agenda = be put on the agenda
proposal-step-take-off-agenda = be taken off the agenda
proposal-step-decide = get a decision
proposal-step-follow-up = get follow-up tasks
proposal-step-close = be completed
error-meeting-step = A meeting with the status “{ $status }” cannot { $step }.
meeting-step-release = have its agenda released
meeting-step-decide = have decisions recorded
meeting-step-publish-minutes = have its minutes published
meeting-step-correct-minutes = have its minutes corrected

## Importing members from a file

import-line = Line { $line } ({ $name }):
import-unknown-organization-column = Unknown organisation “{ $name }” in the column organization.
import-organization-missing = Write the organisation (the municipal council, a committee or a party) in the column organization.
import-unknown-organization = Unknown organisation “{ $name }”.
import-unknown-party = Unknown party “{ $name }”.
import-unknown-kind = Unknown kind “{ $kind }”. Write council, committee, party, administration, external, person or membership.
import-name-missing = Write the name.

## Letters and logos

letter-state-sent = The letter has been sent and cannot be changed. Write a new letter if something must be corrected.
letter-state-incoming = An incoming letter is registered; it is not approved or sent.
letter-state-approve-first = The letter must be approved before it is sent.
letter-state-already-draft = The letter is already a draft.
letter-state-approved = The letter has been approved. Make it a draft again to edit it.
letter-state-already-approved = The letter has already been approved.
logo-kind = The logo must be a PNG or JPEG image.
logo-too-large = The logo is too large (at most { $kb } kB).

## Agendas and case numbers that do not hold

agenda-empty = The agenda has no items.
agenda-duplicate-number = The item number “{ $number }” appears more than once on the agenda.
agenda-open-after-closed = Item { $number } is an open item after a closed item; closed items come last.
agenda-missing-title = An item is missing a title.
case-reference-empty = The case number is empty. A case number has the form YYYY-NNNNNNN, e.g. 2025-0124174.
case-reference-shape = “{ $text }” is not a case number. A case number has the form YYYY-NNNNNNN (year, hyphen and serial number), e.g. 2025-0124174; YY/NNNNN and full stops as separators can be used too.
case-reference-year = The year in the case number “{ $text }” must be between 1900 and 2999.
case-reference-zero = The serial number in the case number “{ $text }” must not be 0000000.
case-reference-too-many = Write at most { $max } case numbers.
case-shape-invalid = “{ $text }” is not a pattern for case numbers. Write the year as YYYY or YY (ÅÅÅÅ or ÅÅ), a separator (- / or .) and the serial number as 5 to 8 N's, e.g. ÅÅÅÅ-NNNNNNN or ÅÅ/NNNNN.
time-does-not-exist = The time { $time } does not exist in Danish time (summer time begins).

## The standard decision text, in the council's language.
decision-verb-adopted = adopted
decision-verb-rejected = rejected
decision-verb-referred = referred
decision-verb-postponed = postponed
decision-verb-removed = removed from the agenda
decision-verb-withdrawn = withdrawn
decision-verb-noted = noted
decision-verb-second-reading = sent to a second reading
decision-verb-approved = approved
decision-votes = by { $for } { $count ->
    [one] vote
   *[other] votes
} to { $against }.
decision-votes-with-abstentions = by { $for } { $count ->
    [one] vote
   *[other] votes
} to { $against }, with { $abstain } abstaining.
decision-voted-for = In favour: { $who }.
decision-voted-against = Against: { $who }.
decision-voted-abstain = Abstained: { $who }.
decision-without-a-vote = without a vote.
decision-referred-to = to { $committee }
decision-consulting = consulting { $committees }
decision-sentence = { $subject } was { $verb }
decision-clause-sentence = Clause { $clause } of { $of } was { $verb }
decision-amendment-sentence = The amendment from { $by } (“{ $text }”) was { $verb }
decision-statement-sentence = { $kind } from { $by }: “{ $text }”
decision-subject-member-proposal = The member proposal
decision-of-member-proposal = the member proposal
decision-subject-recommendation = The recommendation
decision-of-recommendation = the recommendation
decision-subject-orientation = The information item
decision-of-orientation = the information item
decision-subject-letter = The letter
decision-of-letter = the letter
decision-subject-question = The question
decision-of-question = the question
decision-subject-agenda = The agenda
decision-of-agenda = the agenda
decision-subject-other = The item
decision-of-other = the item

## Why a decision cannot be recorded.
decision-amendment-number = Amendment { $number }
decision-clause-number = Clause { $number }
decision-the-vote = The vote
decision-error-votes-do-not-add-up = { $what }: the votes ({ $for } for, { $against } against, { $abstain } abstaining) add up to { $total }, but { $present } are present. Correct the votes or the attendance.
decision-error-on-two-sides = { $what }: { $who } is on two sides of the vote.
decision-error-no-majority-to-adopt = { $what }: with { $for } for and { $against } against there is no majority to adopt it.
decision-error-majority-not-rejected = { $what }: with { $for } for and { $against } against there is a majority; it was not rejected.
decision-error-amendment-incomplete = { $what }: write who proposed it and its text.
decision-error-amendment-not-voted = { $what }: an amendment is adopted or rejected.
decision-error-clauses-only-when-voted = Clauses are voted on one by one only when the proposal is adopted or rejected.
decision-error-no-such-clause = The proposal has no clause { $number }; it has { $count }.
decision-error-clause-twice = { $what } is there twice.
decision-error-clause-not-voted = { $what }: a clause is adopted or rejected.
decision-error-every-clause-needs-an-outcome = When the clauses are voted on one by one, all { $count } need an outcome.
decision-error-outcome-follows-the-clauses = The proposal is adopted when at least one clause is adopted, and rejected otherwise.
decision-error-choose-the-committee = Choose the committee the item is referred to.
decision-error-only-referred-goes-to-a-committee = Only a referred item is sent to a committee.
decision-error-only-referred-is-consulted = Only a referred item is sent to other committees for consultation.
decision-error-statement-incomplete = { $kind }: write who it is from and its text.
decision-error-dissent-needs-a-vote = A dissent needs a vote that shows who voted against the majority.
decision-error-dissent-not-in-minority = { $who } did not vote with the minority, and so cannot have a dissent entered in the minutes.

## The decision and task forms.
decision-the-decision = The decision
votes-field-for = { $what }, votes for
votes-field-against = { $what }, votes against
votes-field-abstain = { $what }, abstentions
substitute-position = substitute no. { $position }
hint-written-by-the-secretariat = Written by the secretariat.
hint-read-from = Read from “{ $phrase }”.
hint-deadline-without-a-date = The text says “{ $phrase }” without a date: write the deadline.
hint-deadline-before-the-meeting = “{ $phrase }” is { $named }, before the meeting on { $meeting }: the year in the text is probably wrong. Write the deadline.
hint-deadline-did-the-text-mean = { $hint } Did the text mean { $day }?
hint-the-text-names-no-deadline = The text names no deadline: write it.
hint-the-text-names-no-administration = The text names no administration: choose the one responsible.
hint-each-administration = The text gives the task to each administration (“{ $phrase }”): one task for each.
hint-chosen-by-the-secretariat = Chosen by the secretariat.
why-read-from = read from “{ $phrase }”
why-chosen-by-the-secretariat = chosen by the secretariat
notice-decision-saved = The decision has been saved: { $outcome }.
notice-decision-corrected = The decision has been corrected: { $outcome }.
notice-task-sent = The task for clause { $clause } has been sent to { $lead } ({ $mails ->
    [one] { $mails } mail
   *[other] { $mails } mails
}).
proposal-submitted-by = Submitted by { $who }

## Notices after an action.
notice-meetings-planned = { $count ->
    [one] { $count } meeting has been planned. It is listed below.
   *[other] { $count } meetings have been planned. They are listed below.
}
notice-election-period-started = The new election period has begun. { $count ->
    [one] { $count } membership
   *[other] { $count } memberships
} of the council and the committees (substitutes' included) ended the day before.
notice-invitation-sent = The invitation has been sent to { $email }. The link in the mail is valid for { $hours } hours.
notice-proposal-accepted = The proposal has been accepted for the agenda with case number { $cases }. The submitter has been told.
notice-import-done = The file has been read: { $new } created, { $changed } changed, { $unchanged } unchanged.
notice-agenda-released = The agenda{ $version ->
    [1] {""}
   *[other] {" "}(version { $version })
} has been sent to { $members ->
    [one] { $members } member
   *[other] { $members } members
} and { $subscribers ->
    [one] { $subscribers } subscriber
   *[other] { $subscribers } subscribers
} and is public on the meeting's page.
proposal-submitted-late = Submitted after the deadline
review-accepted = Accepted
review-returned = Sent back
heading-new-proposal = New member proposal
heading-edit-proposal = Edit member proposal
error-the-answer-is-already-on-an-agenda = The answer is already on an agenda, or the task is closed.
error-the-task-is-not-answered-yet = The task has not been answered yet; an answer can be put on an agenda only once the responsible administration has answered.
chart-tasks-open = { $count } open
chart-tasks-overdue = { $count } overdue
chart-tasks-answered = { $count } answered

## A letter's first draft, in the council's language.
letter-attention = Attn.: { $name }
letter-reply-heading = Re: { $heading }
letter-salutation = Dear { $name }
letter-closing = Yours sincerely

## Why a planned date has no meeting; the holidays' names.
plan-skipped-on-request = Skipped as asked
plan-skipped-offices-closed = { $holiday }: the offices are closed
plan-skipped-already-a-meeting = There is already a meeting that day
plan-skipped-in-the-past = In the past
audit-note-year-plan = annual plan
holiday-new-years-day = New Year's Day
holiday-christmas-day = Christmas Day
holiday-boxing-day = Boxing Day
holiday-maundy-thursday = Maundy Thursday
holiday-good-friday = Good Friday
holiday-easter-sunday = Easter Sunday
holiday-easter-monday = Easter Monday
holiday-general-prayer-day = General Prayer Day
holiday-ascension-day = Ascension Day
holiday-whit-sunday = Whit Sunday
holiday-whit-monday = Whit Monday
holiday-constitution-day = Constitution Day
holiday-christmas-eve = Christmas Eve
holiday-new-years-eve = New Year's Eve
holiday-saturday = Saturday
holiday-sunday = Sunday
rule-kind-calendar-days = Days before the meeting
rule-kind-working-days = Working days before the meeting
rule-kind-weekday = A weekday in the week before the meeting
interval-every-week = Every week
interval-every-second-week = Every second week
interval-every-fourth-week = Every fourth week
interval-first-of-the-month = The first of each month
interval-second-of-the-month = The second of each month
interval-third-of-the-month = The third of each month
interval-fourth-of-the-month = The fourth of each month
interval-last-of-the-month = The last of each month
error-task-already-closed = The task is already closed.
error-task-already-answered = The task has already been answered. Contact the secretariat if the answer must be changed.
error-task-closed-cannot-be-answered = The task is closed and can no longer be answered.
error-task-only-an-answer-goes-back = Only an answer that was given can be sent back.
error-task-must-be-answered-first = The task must be answered before the answer can be presented.
error-minutes-no-chair = The committee has no chair on the day of the meeting, so the chair cannot approve the minutes. Record the chair, or let everyone who took part approve.
error-minutes-no-attendance = The attendance has not been recorded, so it is not known who must approve the minutes. Record the attendance first.
error-the-proposal-is-already-on-the-agenda = The proposal is already on the agenda.
error-the-proposal-is-on-another-agenda = The proposal is already on another meeting's agenda.

## What a supplementary agenda says changed, in the agenda's language.
agenda-change-moved = The meeting has moved to { $when }.
agenda-change-location = The meeting is now held at { $location }.
agenda-change-new-item = New item { $number }: { $title }.
agenda-change-now-open = is now an open item
agenda-change-now-closed = is now a closed item
agenda-change-new-title = has a new title
agenda-change-new-text = has a changed text
agenda-change-new-attachments = has changed attachments
agenda-change-renumbered = Item { $old } “{ $title }” is now item { $number }.
agenda-change-item = Item { $number } “{ $title }” { $what }.
agenda-change-removed = Item { $number } “{ $title }” has been removed from the agenda.
checklist-lawful = The proposal is lawful
checklist-municipal = It is a municipal task
checklist-clear = The proposal is clearly worded
checklist-not-handled = The same question has not been dealt with earlier in the election period
checklist-consistent = Title, clauses and motivation agree
parse-warning-truncated = The text is longer than { $kb } kB; only its beginning has been read.
parse-warning-no-motivation-heading = The heading “Motivation” is missing; the text after the clauses has been read as the motivation.
parse-warning-lines-ignored = { $count ->
    [one] { $count } line
   *[other] { $count } lines
} before the clauses could not be placed and were left out; check the form.
parse-warning-no-title = The text has no title (“Medlemsforslag om …”).
parse-warning-no-clauses = The text has no clauses (“1. at …”); write them in the form.
letter-item-title = Information: letter from { $sender } about { $heading }
letter-item-body = { $sender } has written to the municipality. The letter is attached.
letter-sample = Sample
followup-item-title = Follow-up on { $title }, clause { $clause }
mailbox-no-subject = (no subject)
mailbox-no-name = (no name)
proposal-default-opening = It is proposed,
proposal-title-start = Member proposal on
error-the-form-is-stale = The form could not be accepted: it is too old, or it did not come from Agendum. Go back, reload the page and try again.
error-the-proposal-was-changed-by-someone = The proposal has been changed by someone else since you opened it. Your changes have not been saved; they are still in the form. Open the proposal again in a new tab, look at the changes, and then correct it.
error-the-item-cannot-move-further = The item cannot move further that way: the approval of the agenda comes first, and closed items come after the open ones.
error-the-item-cannot-stand-there = The item cannot stand there: the approval of the agenda comes first, and closed items come after the open ones.
date-range-until = {" "}to { $day }
import-error-empty = The file is empty. The first line must be the header: { $columns }.
import-error-too-large = The file is too large (at most { $mb } MB).
import-error-not-text = The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.
import-error-unknown-column = The header has an unknown column “{ $column }”. The columns are: { $columns }.
import-error-missing-column = The header lacks the column “{ $column }”. The columns are: { $columns }.
import-error-repeated-column = The header names the column “{ $column }” twice.
import-error-too-many-rows = The file has more than { $rows } rows. Split it up.
import-error-malformed = Line { $line } cannot be read as CSV: { $why }
mail-error-name = The name “{ $name }” must not hold line breaks or control characters.
mail-error-empty-subject = The subject must not be empty.
mail-error-subject = The subject must not hold line breaks or control characters.
mail-error-no-recipients = The message has no recipients.
mail-error-attachment-name = The attachment's file name “{ $name }” is invalid.
mail-error-content-type = The attachment's content type “{ $kind }” is invalid.
example-members-file = Example of a members file
error-oparl-no-such-object = The object does not exist in Agendum's OParl data.
error-oparl-bad-parameter = The parameter “{ $name }” is not understood here, or its value is invalid. Lists understand created_since, created_until, modified_since and modified_until (an instant such as 2025-04-30T17:30:00+02:00), limit (1 to 1000) and after.
layout-search = Search
search-heading = Search
search-query-label = Search agendas, member proposals, decisions, letters, cases and attachments
search-query-hint = Put quotes around words that belong together: “social media”. A case number finds its case first.
search-button = Search
search-filters = Narrow the search
search-kind = Kind
search-any = All
search-status = Status or outcome
search-body = Municipality
search-year = Year
search-from = From date
search-to = To date
search-sort = Sort by
search-sort-relevance = Relevance
search-sort-date = Date, newest first
search-count = { $count ->
    [one] One result.
   *[other] { $count } results.
}
search-count-more = More than { $count } results. Narrow the search to see the rest.
search-nothing-found = Nothing found. Try fewer or other words, or remove a filter.
search-restricted = Not public
SearchKind-proposal = Member proposal
SearchKind-agenda-item = Agenda item
SearchKind-decision = Decision
SearchKind-file = Attachment
SearchKind-letter = Letter
SearchKind-case = Case
error-search-query-too-long = The search is too long: at most { $max } characters.
search-words-cut = The search uses the first { $max } words.
error-search-bad-date = A date cannot be read. Write it as 2025-04-30 or 30.04.2025.
error-search-bad-body = The municipality is given by its number.
error-search-bad-kind = There is no such kind. The kinds are proposal, agenda-item, decision, file, letter and case.
error-search-bad-status = There is no such status.
error-search-bad-year = The year must be a year such as 2025.
error-search-bad-sort = The sort must be relevance or date.
error-page-must-be-1-or-more-search = The page must be 1 or more, and the number per page between 1 and { $max }.
error-search-unknown-parameter = There is no parameter “{ $name }”. The search understands q, body, organization, kind, year, from, to, status, sort, page and per_page.
error-search-bad-query-string = The search's parameters cannot be read; each parameter may be given once.
oparl-file-agenda = Agenda, version { $version }
oparl-file-minutes = Minutes, version { $version }
oparl-consultation-role = Consideration
error-search-bad-organization = The council or committee is given by its number.
search-organization = Council or committee
error-search-bad-value = The parameter “{ $name }” has no valid value (a date is written 2025-04-30).
