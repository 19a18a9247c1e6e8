import { jsonb, pgTable, text, timestamp, uuid } from '#src/db/orm.ts';

export type OrgSettings = {
  /** Roles that must use two-factor sign-in. Viewer is exempt by default. */
  twoFactorRoles?: string[];
  /** Everything else a service sets (case types, areas, notices, texts): see features/settings/settings.schemas.ts. */
  [key: string]: unknown;
};

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  address: text('address'),
  settings: jsonb('settings').$type<OrgSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
