// What each dashboard number means, published next to it. Precise enough that two people counting
// by hand get the same figure; the functions in this folder are the reference implementation.
// "Business time" is the conversation's team's hours (else the workspace's), holidays excluded,
// with time pending on the customer left out, as the SLA clocks count it. Medians and 90th
// percentiles interpolate between the closest values (PostgreSQL's percentile_cont); shares are
// rounded to 4 decimals and shown as "—" when there is nothing to divide by.

export const METRIC_IDS = [
  'firstResponse', 'nextResponse', 'resolution', 'slaFirstResponseMet', 'slaResolutionMet', 'csatAverage', 'csatSatisfied',
  'honestResolution', 'looseResolution', 'selfServiceRate', 'botContainment', 'zeroResultSearches', 'articleHelpfulness',
  'guideCompletion', 'funnel', 'journeys', 'handoffReasons', 'gaps', 'staffing', 'occupancy', 'concurrency',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const METRIC_DEFINITIONS = {
  firstResponse:
    'Business time from the first customer message to the first public reply by an agent after it, for conversations created in the period that got one. '
    + 'Bot replies, private notes and system messages are not replies; shown as the median and 90th percentile.',
  nextResponse:
    'After the first reply, each time the customer writes while no agent reply is awaited, the business time until the next public agent reply '
    + '(several customer messages in a row are one wait, timed from the first). Median and 90th percentile over the answered waits in conversations created in the period.',
  resolution:
    'Business time from when a conversation was created to when it was resolved, for conversations created in the period that are resolved now. '
    + 'Median and 90th percentile.',
  slaFirstResponseMet:
    'Of conversations created in the period with a first-response target whose outcome is known (answered, or still unanswered past the target), '
    + 'the share answered in less business time than the target; reaching the target exactly counts as missed.',
  slaResolutionMet:
    'Of conversations created in the period with a resolution target whose outcome is known (resolved, or still open past the target), '
    + 'the share resolved in less business time than the target; reaching the target exactly counts as missed.',
  csatAverage: 'The mean of the 1–5 ratings given in satisfaction surveys answered in the period; surveys without an answer are not counted.',
  csatSatisfied: 'Of the satisfaction ratings given in the period, the share that are 4 or 5.',
  honestResolution:
    'Resolutions in the period by the bot or by self-service count only if the customer did not come back (a new message or conversation, on any channel) '
    + 'within 7 × 24 hours of the resolution; those who did are "came back", those whose 7 days are not over are "pending", and agent resolutions count as they are.',
  looseResolution:
    'Every resolution in the period, counted at once whether or not the customer came back, as most products count it: by the bot (self-service included) '
    + 'when, up to the resolution, the bot wrote and there was no public agent reply and no handoff; otherwise by an agent.',
  selfServiceRate:
    'Of help-center sessions that started in the period at least 24 hours ago and searched or read an article, '
    + 'the share after which the customer started no conversation within 24 hours of the session’s start.',
  botContainment:
    'Of conversations created in the period that the bot handled, the share resolved without a handoff to a person. '
    + 'It does not check whether the customer came back; honest resolution does.',
  zeroResultSearches:
    'Help-center searches in the period that returned no article, counted by query after normalising its text (Unicode NFC, lower case), most frequent first.',
  articleHelpfulness: 'For each article, the "Was this helpful?" answers given in the period that were yes, divided by all yes and no answers.',
  guideCompletion: 'For each guide, of the runs started in the period, the share that reached its last step.',
  funnel:
    'Sessions in the period counted at each stage they reached: entry, search, article, guide, bot, handoff, resolved. '
    + 'A session counts at every stage it reached; reaching a later stage does not imply the earlier ones.',
  journeys:
    'Each customer’s path through touchpoints in the period, with repeats in a row merged and cut after 4 steps; a link’s width is the number of journeys '
    + 'that went from one touchpoint to the next at that step. Journeys with a single touchpoint are not drawn.',
  handoffReasons: 'Handoffs from the bot to a person in the period, counted by the reason recorded at the handoff, most frequent first (ties alphabetical).',
  gaps:
    'The articles, bot intents and guide steps most often followed by a handoff: for each handoff in the period, the last article read, '
    + 'the last intent the bot answered and the guide step the customer was on in that session or conversation before it.',
  staffing:
    'For each weekday and half hour in the workspace’s time zone, the conversations that started then, averaged over the days of that weekday in the range, '
    + 'and the fewest agents Erlang C says answer the target share within the target time (one conversation per agent at a time, customers who wait as long as it takes).',
  occupancy: 'For each agent, the share of their online time in the period during which at least one conversation assigned to them was open.',
  concurrency: 'For each agent, the average number of open conversations assigned to them over their online time in the period, weighted by time.',
} as const satisfies Record<MetricId, string>;
