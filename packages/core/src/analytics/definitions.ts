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
    'Of conversations created in the period that got a first reply or missed their first-response target, the share for which the SLA clocks recorded no '
    + 'first-response breach (the clocks record a breach when the target is reached without a reply; conversations under no SLA policy never breach).',
  slaResolutionMet:
    'Of conversations created in the period that are resolved or missed their resolution target, the share for which the SLA clocks recorded no resolution breach '
    + '(conversations under no SLA policy never breach).',
  csatAverage: 'The mean of the 1–5 ratings given in satisfaction surveys answered in the period; surveys without an answer are not counted.',
  csatSatisfied: 'Of the satisfaction ratings given in the period, the share that are 4 or 5.',
  honestResolution:
    'A bot resolution of a conversation created in the period counts only if the customer started no other conversation, on any channel, within 7 × 24 hours '
    + '(else "came back"; "pending" until then); agent resolutions count as they are, and self-service counts the sessions the self-service rate calls resolved.',
  looseResolution:
    'Every resolution in the period, counted at once whether or not the customer came back, as most products count it: by the bot (self-service included) '
    + 'when, up to the resolution, the bot wrote and there was no public agent reply and no handoff; otherwise by an agent.',
  selfServiceRate:
    'A session is one identified customer’s widget searches on one local day (anonymous help-center visits cannot be followed); of the sessions in the period '
    + 'that started at least 24 hours ago, the share after which the customer started no conversation within 24 hours of the session’s start.',
  botContainment:
    'Of conversations created in the period that the bot handled, the share resolved without a handoff to a person. '
    + 'It does not check whether the customer came back; honest resolution does.',
  zeroResultSearches:
    'Help-center searches in the period that returned no article, counted by query after normalising its text (Unicode NFC, lower case), most frequent first.',
  articleHelpfulness: 'For each article, the "Was this helpful?" answers given in the period that were yes, divided by all yes and no answers.',
  guideCompletion: 'For each guide, of the runs started in the period, the share that reached its last step.',
  funnel:
    'Customers with a conversation in the period counted at each stage they reached: entry, search (in the widget), article (a search result opened), bot, '
    + 'handoff (a person answered), resolved. A customer counts at every stage reached; reaching a later stage does not imply the earlier ones.',
  journeys:
    'Each customer’s path through touchpoints in the period, with repeats in a row merged and cut after 4 steps; a link’s width is the number of journeys '
    + 'that went from one touchpoint to the next at that step. Journeys with a single touchpoint are not drawn.',
  handoffReasons: 'Handoffs from the bot to a person in the period, counted by the reason recorded at the handoff, most frequent first (ties alphabetical).',
  gaps:
    'The articles and bot intents most often followed by a handoff: for each handoff of a conversation created in the period, the intent the bot recognised '
    + 'and the articles it had shown, as recorded in the handoff’s context packet.',
  staffing:
    'For each weekday and half hour in the workspace’s time zone, the conversations that started then, averaged over the days of that weekday in the range, '
    + 'and the fewest agents Erlang C says answer the target share within the target time (one conversation per agent at a time, customers who wait as long as it takes). '
    + 'Handle time is not measured yet: the plan assumes the handle time it states.',
  occupancy: 'For each agent, the share of their online time in the period during which at least one conversation assigned to them was open. Not measured yet: presence history is not kept.',
  concurrency: 'For each agent, the average number of open conversations assigned to them over their online time in the period, weighted by time. Not measured yet: presence history is not kept.',
} as const satisfies Record<MetricId, string>;
