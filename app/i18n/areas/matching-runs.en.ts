// English: matching run of a network, /beheer/netwerken/:id/koppelen.
import type { nl } from './matching-runs.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'matchingRuns.title': 'Matching',
  'matchingRuns.intro':
    'Here you match waiting mentees with mentors of this network. The computer first looks for as many matches as possible, and among those for the ones that fit best. You see a draft first and can change it. Mentors only get an email when you send the draft.',
  'matchingRuns.waiting': 'Waiting mentees: {mentees}. Mentors with a completed profile: {mentors}.',

  'matchingRuns.start': 'Find matches',
  'matchingRuns.rerun': 'Search again (pinned matches stay)',
  'matchingRuns.rerunHint':
    'Searching again makes a new draft. Matches you pinned stay. Matches that were sent or are active never change.',
  'matchingRuns.busy': 'A search is already running. Please wait until it is done.',

  'matchingRuns.progress.heading': 'Searching',
  'matchingRuns.progress.label': 'Progress',
  'matchingRuns.progress.queued': 'Waiting for its turn…',
  'matchingRuns.progress.loading': 'Loading the data…',
  'matchingRuns.progress.scoring': 'Working out which pairs fit…',
  'matchingRuns.progress.solving': 'Finding the best assignment…',
  'matchingRuns.progress.saving': 'Saving the draft…',
  'matchingRuns.progress.percent': '{percent}% done',
  'matchingRuns.progress.refresh': 'Refresh the page',
  'matchingRuns.progress.auto': 'This page refreshes itself until the draft is ready.',

  'matchingRuns.failed.heading': 'The search failed',
  'matchingRuns.failed.body':
    'Something went wrong while looking for matches. Please try again. If it fails again, contact the administrator.',
  'matchingRuns.failed.lost': 'The search took too long and was stopped.',
  'matchingRuns.failed.detail': 'Error: {error}',

  'matchingRuns.published.heading': 'Draft sent',
  'matchingRuns.published.body': 'The latest draft was sent on {date}. The mentors have received an email.',
  'matchingRuns.none': 'No search for matches has been done for this network yet.',

  'matchingRuns.draft.heading': 'Draft',
  'matchingRuns.draft.madeAt': 'Made on {date}. Not sent yet.',
  'matchingRuns.totals.heading': 'Summary',
  'matchingRuns.totals.matched': 'Matched',
  'matchingRuns.totals.unmatched': 'Not matched',
  'matchingRuns.totals.score': 'Total score',
  'matchingRuns.totals.average': 'Average score',
  'matchingRuns.totals.caption': 'Summary of the draft',
  'matchingRuns.totals.what': 'What',
  'matchingRuns.totals.value': 'Number',
  'matchingRuns.totals.options': 'Possible pairs considered: {edges}, in {seconds} seconds.',
  'matchingRuns.compare.heading': 'Compared with the simple method',
  'matchingRuns.compare.intro':
    'The simple method keeps picking the pair with the highest score that is still possible. This draft looks at all mentees at once.',
  'matchingRuns.compare.moreMatched': {
    one: 'This draft matches 1 more person than the simple method ({ours} against {theirs}).',
    other: 'This draft matches {count} more people than the simple method ({ours} against {theirs}).',
  },
  'matchingRuns.compare.sameMatched': 'This draft matches as many people as the simple method: {ours}.',
  'matchingRuns.compare.moreScore': {
    one: 'The total score is 1 point higher ({ours} against {theirs}).',
    other: 'The total score is {count} points higher ({ours} against {theirs}).',
  },
  'matchingRuns.compare.lessScore': {
    one: 'The total score is 1 point lower ({ours} against {theirs}). That is because more people get a mentor, which comes first.',
    other:
      'The total score is {count} points lower ({ours} against {theirs}). That is because more people get a mentor, which comes first.',
  },
  'matchingRuns.compare.sameScore': 'The total score is the same: {ours}.',
  'matchingRuns.compare.changed': 'You changed the draft by hand. The comparison is about the draft as the computer made it.',

  'matchingRuns.pairs.search': 'Search by name or email address of mentee or mentor, or by municipality',
  'matchingRuns.pairs.pages': 'Pages of pairs in the draft',
  'matchingRuns.unmatched.pages': 'Pages of mentees without a mentor',
  'matchingRuns.pairs.heading': 'Matches',
  'matchingRuns.pairs.caption': 'Proposed matches, with the score and why they fit',
  'matchingRuns.pairs.none': 'This draft has no matches.',
  'matchingRuns.pairs.mentee': 'Mentee',
  'matchingRuns.pairs.mentor': 'Mentor',
  'matchingRuns.pairs.score': 'Score',
  'matchingRuns.pairs.why': 'Why',
  'matchingRuns.pairs.actions': 'Change',
  'matchingRuns.pairs.pinned': 'Pinned',
  'matchingRuns.pairs.byHand': 'Matched by hand',
  'matchingRuns.pairs.noReasons': 'They meet every requirement, but have little else in common.',
  'matchingRuns.pairs.pin': 'Pin',
  'matchingRuns.pairs.forbid': 'Never match',
  'matchingRuns.pairs.move': 'Other mentor',
  'matchingRuns.pairs.pairLabel': '{mentee} and {mentor}',
  'matchingRuns.pairs.scoreOf': '{score} of 100',
  'matchingRuns.pairs.points': '(+{points})',
  'matchingRuns.pairs.noMunicipality': 'Municipality unknown',
  'matchingRuns.pairs.remaining': { one: '1 place left after this draft', other: '{count} places left after this draft' },
  'matchingRuns.pairs.scaleNote':
    'The score runs from 0 to 100. Each reason shows the points it added; the weightiest comes first. With each mentor: their municipality and how many more mentees they can take after this draft.',

  'matchingRuns.unmatched.heading': 'Not matched',
  'matchingRuns.unmatched.caption': 'Mentees without a mentor in this draft, and why',
  'matchingRuns.unmatched.none': 'Everyone who is waiting has a mentor in this draft.',
  'matchingRuns.unmatched.municipality': 'Municipality',
  'matchingRuns.unmatched.reason': 'Reason',
  'matchingRuns.unmatched.action': 'Change',
  'matchingRuns.unmatched.byHand': 'Match by hand',
  'matchingRuns.reason.no-compatible-mentor': "No mentor meets this mentee's requirements (language, way of meeting or wishes).",
  'matchingRuns.reason.all-compatible-mentors-full': 'The mentors who fit have no room left.',
  'matchingRuns.reason.all-compatible-mentors-paused': 'The mentors who fit are taking a break.',
  'matchingRuns.reason.compatible-mentors-taken':
    'The mentors who fit are already matched with other mentees. This way as many people as possible get a mentor.',
  'matchingRuns.reason.removed-by-hand': "You took this mentee's match out of the draft.",
  'matchingRuns.reason.new-since-run': 'This mentee applied after the search. Search again to include them.',

  'matchingRuns.move.heading': 'Choose another mentor for {mentee}',
  'matchingRuns.move.intro': "You only see mentors who meet this mentee's requirements and still have room. The match will be pinned.",
  'matchingRuns.move.current': 'Now matched with: {mentor}.',
  'matchingRuns.move.legend': 'Mentor',
  'matchingRuns.move.option': '{mentor} — score {score}',
  'matchingRuns.move.none': 'There is no other mentor who fits and still has room.',
  'matchingRuns.move.submit': 'Match with this mentor',
  'matchingRuns.move.cancel': 'Cancel',
  'matchingRuns.move.choose': 'Choose a mentor.',
  'matchingRuns.move.notPossible': 'This mentor is no longer possible: choose another one.',

  'matchingRuns.rules.heading': 'Pinned and ruled out',
  'matchingRuns.rules.caption': 'Your own rules for this network',
  'matchingRuns.rules.none': 'You have not pinned or ruled out anything yet.',
  'matchingRuns.rules.kind': 'Rule',
  'matchingRuns.rules.pin': 'Always match',
  'matchingRuns.rules.forbid': 'Never match',
  'matchingRuns.rules.remove': 'Remove',
  'matchingRuns.rules.dropped':
    'This pinned match is not in the draft: the mentor no longer fits or has no room. Search again or remove the rule.',
  'matchingRuns.rules.droppedShort': 'Not in the draft',
  'matchingRuns.rules.menteeProposed': 'Has a proposal now. The rule still applies in later matching runs.',
  'matchingRuns.rules.menteeMatched': 'Is matched now. The rule still applies in later matching runs.',

  'matchingRuns.publish.heading': 'Send',
  'matchingRuns.publish.body':
    'Ready? Then every mentor gets an email with the proposal. Mentees you match here no longer take part in searches, unless the mentor says no.',
  'matchingRuns.publish.submit': 'Send the draft to the mentors',
  'matchingRuns.publish.notDraft': 'This draft has already been sent or replaced by a newer one.',

  'notice.matchingRun.started': 'The search has started.',
  'notice.matchingRun.pinned': 'The match is pinned. It stays when you search again.',
  'notice.matchingRun.forbidden': 'These two will never be matched again in this network.',
  'notice.matchingRun.moved': 'The mentee has been matched with another mentor by hand.',
  'notice.matchingRun.removed': 'The rule has been removed.',
  'notice.matchingRun.published': {
    one: 'The draft has been sent: the mentors have been emailed about 1 match.',
    other: 'The draft has been sent: the mentors have been emailed about {count} matches.',
  },
  'notice.matchingRun.publishedSkipped': {
    one: '1 match was no longer possible (the mentee is no longer waiting or the mentor has no room).',
    other: '{count} matches were no longer possible (the mentee is no longer waiting or the mentor has no room).',
  },
  'matchingRuns.errors.unknown': 'This is not possible. Refresh the page and try again.',
};
