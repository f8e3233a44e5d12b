import { User } from '@app/accounts';
import { Attendee } from '@app/attendees';
import { BADGE_ENTITIES } from '@app/badges';
import { EDITION_ENTITIES } from '@app/editions';
import { EXHIBITOR_ENTITIES } from '@app/exhibitors';
import { OutboxMessage } from '@app/core';
import { NOTIFICATION_ENTITIES } from '@app/notifications';
import { SCANNING_ENTITIES } from '@app/scanning';
import { ScheduleEntry } from '@app/schedule';
import { ScheduleChange, SESSION_ENTITIES } from '@app/sessions';
import { Speaker } from '@app/speakers';

/** Every entity, for the migration CLI (the apps load theirs through TypeOrmModule.forFeature). */
export const ENTITIES = [
  User,
  ...EDITION_ENTITIES,
  Speaker,
  ...SESSION_ENTITIES,
  ScheduleChange,
  Attendee,
  ScheduleEntry,
  OutboxMessage,
  ...BADGE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...EXHIBITOR_ENTITIES,
  ...SCANNING_ENTITIES,
];
