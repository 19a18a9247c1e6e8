// The availability pages, without JavaScript: a checkbox per weekday and part of the day (morning, afternoon,
// evening) saved as the weekly pattern; time away added one period at a time and removed with a button. Staff use
// /volunteers/:volunteerId/availability; a volunteer uses /my/availability for their own record.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { asBody, dateOf, listOf, optionalText } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { translator } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { windowsFromSlots } from '#src/domain/availability.ts';
import { NO_RECORD_REASON, type VolunteerRef } from './volunteer-availability.service.ts';
import { availabilityModel } from '../records/volunteer-pages.present.ts';
import { doneMessage, idParam } from '../records/volunteer-record.pages.ts';
import { ZAwayInput } from '../records/volunteers.schemas.ts';

const t = translator('en');
const AWAY_FIELDS: Record<string, string> = { from: 'awayFrom', to: 'awayTo', reason: 'awayReason' };
const AWAY_ORDER = ['awayFrom', 'awayTo', 'awayReason'];

type Place = { ref: VolunteerRef; base: string; mine: boolean };

function placeOf(req: FastifyRequest, mine: boolean): Place {
  if (mine) return { ref: 'mine', base: '/my/availability', mine };
  const volunteerId = idParam(req);
  return { ref: volunteerId, base: `/volunteers/${volunteerId}/availability`, mine };
}

type Extra = { values?: Record<string, string>; fields?: FieldErrors };

async function renderAvailability(deps: Pick<Deps, 'volunteers'>, req: FastifyRequest, reply: FastifyReply, place: Place, extra: Extra = {}) {
  let view: Awaited<ReturnType<Deps['volunteers']['availability']>>;
  try {
    view = await deps.volunteers.availability(req.actor!, place.ref);
  } catch (err) {
    if (place.mine && err instanceof AppError && err.reason === NO_RECORD_REASON)
      return reply.page('volunteers/availability/views/volunteer-availability.njk', { pageTitle: t('My availability'), mine: true, noRecord: err.message });
    throw err;
  }
  const fields = extra.fields ?? {};
  const errors = [...AWAY_ORDER.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !AWAY_ORDER.includes(k))].map((k) => ({
    text: fields[k]!,
    href: k === 'awayReason' ? '#awayReason' : `#${k}-day`,
  }));
  return reply.page('volunteers/availability/views/volunteer-availability.njk', {
    pageTitle: place.mine ? t('My availability') : t('Availability of {name}', { name: view.volunteer.name }),
    mine: place.mine,
    volunteerId: view.volunteer.id,
    ...availabilityModel(view, { base: place.base }),
    values: extra.values ?? {},
    fields,
    errors: errors.length ? errors : undefined,
    flash: errors.length ? undefined : doneMessage(req),
  });
}

export function registerAvailabilityPages(app: FastifyInstance, deps: Pick<Deps, 'volunteers'>) {
  for (const mine of [false, true]) {
    const path = mine ? '/my/availability' : '/volunteers/:volunteerId/availability';

    app.get(path, (req, reply) => renderAvailability(deps, req, reply, placeOf(req, mine)));

    app.post(path, async (req, reply) => {
      const place = placeOf(req, mine);
      await deps.volunteers.setWeekly(req.actor!, place.ref, windowsFromSlots(listOf(asBody(req.body), 'slots')));
      return reply.redirect(`${place.base}?done=availability`, 303);
    });

    app.post(`${path}/away`, async (req, reply) => {
      const place = placeOf(req, mine);
      const b = asBody(req.body);
      const from = dateOf(b, 'awayFrom', 'First day away', { required: true });
      const to = dateOf(b, 'awayTo', 'Last day away', { required: true });
      const form = parseForm(ZAwayInput, { from: from.value ?? '', to: to.value ?? '', reason: optionalText(b, 'awayReason') });
      const fields: FieldErrors = {};
      if (from.error) fields.awayFrom = from.error;
      if (to.error) fields.awayTo = to.error;
      if (form.ok && !Object.keys(fields).length) {
        try {
          await deps.volunteers.addAway(req.actor!, place.ref, form.data);
          return reply.redirect(`${place.base}?done=away`, 303);
        } catch (err) {
          const problems = fieldErrorsOf(err);
          if (!problems) throw err;
          for (const [k, v] of Object.entries(problems)) fields[AWAY_FIELDS[k] ?? 'awayFrom'] ??= v;
        }
      } else if (!form.ok) for (const [k, v] of Object.entries(form.fields)) fields[AWAY_FIELDS[k] ?? 'awayFrom'] ??= v;
      return renderAvailability(deps, req, reply.status(422), place, { values: keepValues(req.body), fields });
    });

    app.post(`${path}/away/:periodId/remove`, async (req, reply) => {
      const place = placeOf(req, mine);
      await deps.volunteers.removeAway(req.actor!, place.ref, idParam(req, 'periodId'));
      return reply.redirect(`${place.base}?done=awayRemoved`, 303);
    });
  }
}
