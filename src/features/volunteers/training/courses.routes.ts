// The service's training courses: the list, adding a course and retiring one. A service with no courses gets
// the foundation course from its volunteer policy the first time anyone looks, and the page says so.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { optionalText, textOf } from '#src/http/page-form.ts';
import { can } from '#src/access/permissions.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import { areaItems, courseRows } from './training-pages.present.ts';
import { hoursOf, type PageExtra, param, registerPageForm } from './training.routes.ts';
import { FOUNDATION_COURSE_NAME } from './training.service.ts';
import { ZCourse } from './training.schemas.ts';
import { doneOf } from '#src/http/page-input.ts';

const t = translator('en');
const DONE: Record<string, string> = { added: msg('Course added.'), retired: msg('Course retired. Records of it are kept.') };

export function registerCoursePages(app: FastifyInstance, deps: Pick<Deps, 'training'>) {
  async function render(req: FastifyRequest, reply: FastifyReply, extra: PageExtra) {
    const { courses, createdFoundation } = await deps.training.listCourses(req.actor!);
    const done = doneOf(req);
    return reply.page('volunteers/training/views/courses.njk', {
      pageTitle: t('Training courses'),
      courses: courseRows(courses),
      createdFoundation,
      foundationName: FOUNDATION_COURSE_NAME,
      canManage: can(req.actor!.role, 'volunteers.manage'),
      areaItems: areaItems(extra.values['newCourse-area'], msg('None')),
      values: extra.values,
      fields: extra.fields,
      errors: extra.errors?.length ? extra.errors : undefined,
      flash: extra.errors?.length ? undefined : done ? DONE[done] : undefined,
    });
  }

  app.get('/volunteers/courses', (req, reply) => render(req, reply, { values: {}, fields: {} }));

  registerPageForm(app, {
    path: '/volunteers/courses',
    prefix: () => 'newCourse',
    order: ['name', 'hours', 'foundation', 'area'],
    schema: ZCourse,
    shape: (b, pre) => {
      const foundation = textOf(b, `${pre}-foundation`);
      return {
        input: {
          name: textOf(b, `${pre}-name`),
          hours: hoursOf(b, `${pre}-hours`),
          foundation: foundation === 'yes' ? true : foundation === 'no' ? false : undefined,
          area: optionalText(b, `${pre}-area`),
        },
      };
    },
    run: async (req, data) => {
      await deps.training.addCourse(req.actor!, data);
      return '/volunteers/courses?done=added';
    },
    render: (req, reply, extra) => render(req, reply, extra),
  });

  app.post('/volunteers/courses/:courseId/retire', async (req, reply) => {
    await deps.training.retireCourse(req.actor!, param(req, 'courseId'));
    return reply.redirect('/volunteers/courses?done=retired', 303);
  });
}
