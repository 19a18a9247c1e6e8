// The "other people involved" part of the self-referral: add one person at a time, change or remove them,
// and say whether there is anyone else (the GOV.UK "add to a list" pattern), up to MAX_OTHERS people.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { translator, msg } from '#src/i18n/i18n.ts';
import { errorList } from '#src/http/views.ts';
import { AppError } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { formValues, isSpam, POST_LIMIT } from './public-forms.ts';
import { MAX_OTHERS, type OtherPerson, otherRoles, ZOtherPerson } from './self-referral.journey.ts';
import type { Journey, SelfReferralState } from './self-referral.state.ts';

type Params = { Params: { service: string } };
type PersonParams = { Params: { service: string; person: string } };

const ZAddAnother = z.object({ addAnother: z.enum(['yes', 'no'], { error: 'Select yes if you need to tell us about another person' }) });

export function registerSelfReferralPeople(app: FastifyInstance, state: SelfReferralState) {
  const t = translator('en');
  const others = (j: Journey) => j.draft.others ?? [];
  const q = (j: Journey) => (j.change ? '?change=1' : '');

  /** The person form: adding (no index) or changing the nth person. */
  function personModel(j: Journey, index?: number) {
    const first = others(j).length === 0 && index === undefined;
    return {
      ...state.chrome(
        j,
        'people',
        first ? msg('Who else is involved?') : index === undefined ? msg('Add another person') : msg('Change this person’s details'),
      ),
      heading: first ? t('Who else is involved?') : index === undefined ? t('Add another person') : t('Change this person’s details'),
      isFirst: first,
      action: index === undefined ? `${j.base}/people/add` : `${j.base}/people/${index + 1}`,
      backLink: first ? state.chrome(j, 'people', '').backLink : `${j.base}/people${q(j)}`,
      roles: otherRoles(j.draft).map((r) => ({ value: r.value, text: t(r.text) })),
    };
  }

  function listModel(j: Journey) {
    const roles = otherRoles(j.draft);
    const title = msg('{n, plural, one {You have told us about # person} other {You have told us about # people}}');
    return {
      ...state.chrome(j, 'people', title, { n: others(j).length }),
      heading: t(title, { n: others(j).length }),
      people: others(j).map((p, i) => ({
        name: p.name,
        role: t(roles.find((r) => r.value === p.role)?.text ?? p.role),
        changeUrl: `${j.base}/people/${i + 1}${q(j)}`,
        removeUrl: `${j.base}/people/${i + 1}/remove`,
      })),
      canAddMore: others(j).length < MAX_OTHERS,
      maxOthers: MAX_OTHERS,
    };
  }

  const personAt = (j: Journey, param: string) => {
    const n = /^\d{1,2}$/.test(param) ? Number(param) : 0;
    if (n < 1 || n > others(j).length) throw new AppError('NOT_FOUND', msg('Page not found'));
    return n - 1;
  };

  app.get<Params>('/s/:service/refer/people', async (req, reply) => {
    const j = await state.open(req);
    const detour = state.detour(reply, j, 'people');
    if (detour) return reply.redirect(detour, 303);
    if (others(j).length === 0) return reply.page('public/views/refer/person.njk', { ...personModel(j), values: {} });
    return reply.page('public/views/refer/people.njk', { ...listModel(j), values: {} });
  });

  app.post<Params>('/s/:service/refer/people', { config: POST_LIMIT }, async (req, reply) => {
    const j = await state.open(req);
    const detour = state.detour(reply, j, 'people');
    if (detour) return reply.redirect(detour, 303);
    if (isSpam(req.body) || others(j).length === 0) return reply.redirect(`${j.base}/people${q(j)}`, 303);
    if (others(j).length >= MAX_OTHERS) return reply.redirect(state.after(j, 'people'), 303);
    const form = ZAddAnother.safeParse(req.body ?? {});
    if (!form.success) {
      const fields = zodFields(form.error);
      return reply.status(422).page('public/views/refer/people.njk', { ...listModel(j), values: formValues(req.body), fields, errors: errorList(fields) });
    }
    return reply.redirect(form.data.addAnother === 'yes' ? `${j.base}/people/add${q(j)}` : state.after(j, 'people'), 303);
  });

  async function savePerson(j: Journey, body: unknown, index: number | undefined) {
    const form = ZOtherPerson(j.draft).safeParse(body ?? {});
    if (!form.success) return zodFields(form.error);
    const { name, role, phone, email, postcode } = form.data;
    const person: OtherPerson = { name, role, phone: phone || undefined, email: email || undefined, postcode: postcode || undefined };
    const list = [...others(j)];
    if (index === undefined) list.push(person);
    else list[index] = person;
    return list;
  }

  app.get<Params>('/s/:service/refer/people/add', async (req, reply) => {
    const j = await state.open(req);
    const detour = state.detour(reply, j, 'people');
    if (detour) return reply.redirect(detour, 303);
    if (others(j).length >= MAX_OTHERS) return reply.redirect(`${j.base}/people${q(j)}`, 303);
    return reply.page('public/views/refer/person.njk', { ...personModel(j), values: {} });
  });

  app.post<Params>('/s/:service/refer/people/add', { config: POST_LIMIT }, async (req, reply) => {
    const j = await state.open(req);
    const detour = state.detour(reply, j, 'people');
    if (detour) return reply.redirect(detour, 303);
    if (isSpam(req.body) || others(j).length >= MAX_OTHERS) return reply.redirect(`${j.base}/people${q(j)}`, 303);
    const saved = await savePerson(j, req.body, undefined);
    if (!Array.isArray(saved))
      return reply
        .status(422)
        .page('public/views/refer/person.njk', { ...personModel(j), values: formValues(req.body), fields: saved, errors: errorList(saved, FIELD_ORDER) });
    await state.save(reply, j, { ...j.draft, others: saved });
    return reply.redirect(`${j.base}/people${q(j)}`, 303);
  });

  app.get<PersonParams>('/s/:service/refer/people/:person', async (req, reply) => {
    const j = await state.open(req);
    const detour = state.detour(reply, j, 'people');
    if (detour) return reply.redirect(detour, 303);
    const index = personAt(j, req.params.person);
    const p = others(j)[index]!;
    return reply.page('public/views/refer/person.njk', {
      ...personModel(j, index),
      values: { name: p.name, role: p.role, phone: p.phone ?? '', email: p.email ?? '', postcode: p.postcode ?? '' },
    });
  });

  app.post<PersonParams>('/s/:service/refer/people/:person', { config: POST_LIMIT }, async (req, reply) => {
    const j = await state.open(req);
    const detour = state.detour(reply, j, 'people');
    if (detour) return reply.redirect(detour, 303);
    const index = personAt(j, req.params.person);
    if (isSpam(req.body)) return reply.redirect(`${j.base}/people${q(j)}`, 303);
    const saved = await savePerson(j, req.body, index);
    if (!Array.isArray(saved))
      return reply.status(422).page('public/views/refer/person.njk', {
        ...personModel(j, index),
        values: formValues(req.body),
        fields: saved,
        errors: errorList(saved, FIELD_ORDER),
      });
    await state.save(reply, j, { ...j.draft, others: saved });
    return reply.redirect(j.change ? state.after(j, 'people') : `${j.base}/people`, 303);
  });

  app.post<PersonParams>('/s/:service/refer/people/:person/remove', { config: POST_LIMIT }, async (req, reply) => {
    const j = await state.open(req);
    if (j.expired) return reply.redirect(state.detour(reply, j, 'people')!, 303);
    const index = personAt(j, req.params.person);
    if (!isSpam(req.body)) await state.save(reply, j, { ...j.draft, others: others(j).filter((_, i) => i !== index) });
    return reply.redirect(`${j.base}/people${q(j)}`, 303);
  });
}

const FIELD_ORDER = ['name', 'role', 'phone', 'email', 'postcode'];
