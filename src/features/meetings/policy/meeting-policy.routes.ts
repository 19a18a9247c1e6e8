// The meetings settings page (/settings/meetings): ground rules, the video link template, reminders, travel time,
// the hours meetings are offered in and SEND notice. Admins change it; coordinators read it. Saved through the
// settings service, so the page and PATCH /api/v1/settings (`meetings`) keep the same rules.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { authorise, can } from '#src/access/permissions.ts';
import { asBody, type FormBody, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { type MeetingPolicy, readMeetingPolicy, ZMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { doneOf } from '#src/http/page-input.ts';

const t = translator('en');

type NumberKey = 'reminderHours' | 'travelMinutes' | 'sendNoticeWorkingDays';
const NUMBER_FIELDS: { key: NumberKey; label: string; hint: string; suffix: string }[] = [
  {
    key: 'reminderHours',
    label: msg('Send reminders'),
    hint: msg('Hours before a meeting when everyone invited gets a reminder. 0 sends none.'),
    suffix: msg('hours before'),
  },
  {
    key: 'travelMinutes',
    label: msg('Travel time between meetings in person'),
    hint: msg('Finding a time leaves this gap before and after a mediator’s other meetings in person.'),
    suffix: msg('minutes'),
  },
  {
    key: 'sendNoticeWorkingDays',
    label: msg('Notice of a SEND mediation meeting'),
    hint: msg('The parent or young person must be told the date and place at least 5 working days before, unless they agree to less.'),
    suffix: msg('working days'),
  },
];
const ORDER = ['groundRules', 'videoLinkTemplate', 'reminderHours', 'travelMinutes', 'dayStarts', 'dayEnds', 'weekends', 'sendNoticeWorkingDays'];

const limits = (key: NumberKey) => {
  const inner = ZMeetingPolicy.shape[key].unwrap();
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
};

const valuesOf = (p: MeetingPolicy): Record<string, string> => ({
  groundRules: p.groundRules.join('\n'),
  videoLinkTemplate: p.videoLinkTemplate,
  reminderHours: String(p.reminderHours),
  travelMinutes: String(p.travelMinutes),
  sendNoticeWorkingDays: String(p.sendNoticeWorkingDays),
  dayStarts: p.dayStarts,
  dayEnds: p.dayEnds,
  weekends: p.weekends ? 'yes' : 'no',
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form as a policy change, and the problems found in what was typed (keyed by field). */
export function readMeetingPolicyForm(b: FormBody): { policy: Partial<MeetingPolicy>; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const policy: Partial<MeetingPolicy> = {};
  for (const f of NUMBER_FIELDS) {
    const text = textOf(b, f.key).trim();
    const { min, max } = limits(f.key);
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
      fields[f.key] = t('{label} must be a whole number from {min} to {max}', { label: t(f.label), min, max });
    else policy[f.key] = Number(text);
  }
  const rules = textOf(b, 'groundRules')
    .split(/\r?\n/)
    .map((r) => r.trim())
    .filter(Boolean);
  if (rules.length > 20 || rules.some((r) => r.length > 300)) fields.groundRules = t('Give up to 20 ground rules, one a line, each under 300 characters');
  else policy.groundRules = rules;
  const template = textOf(b, 'videoLinkTemplate').trim();
  if (template && !(/^https:\/\/\S+$/.test(template) && template.includes('{room}')))
    fields.videoLinkTemplate = t('A video link template starts with https:// and contains {room}, like https://meet.example.org/{room}');
  else policy.videoLinkTemplate = template;
  for (const key of ['dayStarts', 'dayEnds'] as const) {
    const v = textOf(b, key).trim();
    if (!TIME.test(v)) fields[key] = t('Enter a time like 09:00 or 17:30');
    else policy[key] = v;
  }
  if (policy.dayStarts && policy.dayEnds && policy.dayStarts >= policy.dayEnds) fields.dayEnds = t('The last meeting must end after the first can start');
  const weekends = textOf(b, 'weekends');
  if (weekends !== 'yes' && weekends !== 'no') fields.weekends = t('Say whether meetings are offered at weekends');
  else policy.weekends = weekends === 'yes';
  return { policy, fields };
}

export function registerMeetingPolicyPages(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
  async function render(req: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; fields?: FieldErrors } = {}) {
    authorise(req.actor!, 'meetings.book');
    const policy = readMeetingPolicy(await deps.settings.forWork(req.actor!.orgId));
    const values = extra.values ?? valuesOf(policy);
    const fields = extra.fields ?? {};
    const errors = errorList(fields, ORDER);
    return reply.page('meetings/policy/views/meeting-policy.njk', {
      pageTitle: t('Meetings settings'),
      canChange: can(req.actor!.role, 'settings.manage'),
      numberFields: NUMBER_FIELDS.map((f) => ({ ...f, ...limits(f.key), value: values[f.key] ?? '' })),
      groundRules: policy.groundRules,
      values,
      fields,
      errors: errors.length ? errors : undefined,
      flash: doneOf(req) === 'saved' && !errors.length ? msg('Meetings settings saved.') : undefined,
    });
  }

  app.get('/settings/meetings', (req, reply) => render(req, reply));

  app.post('/settings/meetings', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    const body = asBody(req.body);
    const { policy, fields } = readMeetingPolicyForm(body);
    const typed = Object.fromEntries(ORDER.map((k) => [k, textOf(body, k)]));
    let problems = fields;
    if (!Object.keys(problems).length) {
      try {
        await deps.settings.update(req.actor!, { meetings: policy });
        return reply.redirect('/settings/meetings?done=saved', 303);
      } catch (err) {
        const found = fieldErrorsOf(err);
        if (!found) throw err;
        problems = Object.fromEntries(Object.entries(found).map(([k, v]) => [k.replace(/^meetings\./, '').split('.')[0]!, v]));
      }
    }
    return render(req, reply.status(422), { values: typed, fields: problems });
  });
}
