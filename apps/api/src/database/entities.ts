import { User } from '@app/accounts';
import { BADGE_ENTITIES } from '@app/badges';
import { EDITION_ENTITIES } from '@app/editions';
import { OutboxMessage } from '@app/core';
import { NOTIFICATION_ENTITIES } from '@app/notifications';
import { ScheduleChange, SESSION_ENTITIES } from '@app/sessions';
import { Speaker } from '@app/speakers';

/** Every entity, for the migration CLI (the apps load theirs through TypeOrmModule.forFeature). */
export const ENTITIES = [User, ...EDITION_ENTITIES, Speaker, ...SESSION_ENTITIES, ScheduleChange, OutboxMessage, ...BADGE_ENTITIES, ...NOTIFICATION_ENTITIES];
