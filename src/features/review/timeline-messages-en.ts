/** The case timeline's words in English (zh-CN, the source of keys, is in timeline-messages.ts). */
import type { TimelineMessages } from './timeline-messages';

export const timelineEn: TimelineMessages = {
  timeline: {
    title: 'Timeline',
    open: 'Show everything that happened in this case',
    loading: 'Loading the timeline…',
    none: 'Nothing recorded yet.',
    failed: 'Could not read the timeline: {{reason}}',
    arrived: 'Arrived on scene',
    stationHandover:
      'The rural station handed the case to an officer (a station does not determine liability)',
    'station-confirm': 'An officer confirmed the case remotely and determined liability',
    'station-correct': 'An officer corrected the case remotely and determined liability',
    photo: 'Photo taken: {{slot}}',
    received: 'Server received version {{version}}',
    delivered: 'Packet delivered to the insurer (version {{version}})',
    webhook: 'The insurer’s system took the delivery: {{event}}',
    event: {
      'packet.created': 'claim packet',
      'packet.updated': 'claim packet update',
      'case.returned': 'case returned',
    },
    acknowledged: 'Insurer called back',
    assessed: 'Insurer assessed the damage',
    partyConfirmed:
      'The party of vehicle {{vehicle}} confirmed the determination on their own phone',
    paid: 'Insurer paid',
    by: 'By {{name}}',
    where: {
      scene: 'Place: {{where}}',
      phone: 'Phone: {{where}}',
      insurer: 'Insurer: {{where}}',
    },
  },
};
