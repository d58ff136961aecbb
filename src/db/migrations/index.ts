import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation.js';
import * as accounts from './0002_accounts.js';
import * as scheduling from './0003_scheduling.js';
import * as schedulingExtras from './0005_scheduling_extras.js';
import * as notifications from './0006_notifications.js';
import * as calendars from './0007_calendars.js';
import * as imports from './0008_imports.js';
import * as auditAnchors from './0009_audit_anchors.js';
import * as rateLimits from './0010_rate_limits.js';

/** Every migration, in order. Landed migrations are frozen: add a new file instead of editing one. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_accounts': accounts,
  '0003_scheduling': scheduling,
  '0005_scheduling_extras': schedulingExtras,
  '0006_notifications': notifications,
  '0007_calendars': calendars,
  '0008_imports': imports,
  '0009_audit_anchors': auditAnchors,
  '0010_rate_limits': rateLimits,
};
