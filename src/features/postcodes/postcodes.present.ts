// What the Instance → Postcode lookup page and the API show of the lookup and its loads.
import type { Locale, Translate } from '#src/i18n/i18n.ts';
import { msg } from '#src/i18n/i18n.ts';
import { momentInWords } from '#src/domain/dates-in-words.ts';
import type { PostcodeLoad } from './postcode-loads.repo.ts';
import type { PostcodeStatus } from './postcode-loads.service.ts';
import { FILE_PROBLEMS, missingInWords } from './postcode-loads.service.ts';
import { releaseInWords } from './postcode-release.ts';

const isActive = (load: PostcodeLoad | undefined) => load?.status === 'queued' || load?.status === 'running';

/** Why a load failed, in the reader's words. */
export function problemInWords(load: PostcodeLoad, t: Translate): string {
  const text = FILE_PROBLEMS[load.problem ?? 'failed'] ?? FILE_PROBLEMS.failed!;
  // i18n-dynamic: the texts are the msg() values of FILE_PROBLEMS
  return t(text, { missing: missingInWords(load.problemDetail?.split(',') ?? []) });
}

/** The page's view model. */
export function statusPage(status: PostcodeStatus, t: Translate, locale: Locale) {
  const { postcodes, lastLoaded, latest } = status;
  const loaded = lastLoaded;
  const rows = [
    {
      key: { text: t('Postcodes in the lookup') },
      value: { text: postcodes ? t('{count, plural, one {# postcode} other {# postcodes}}', { count: postcodes }) : t('None loaded') },
    },
    { key: { text: t('Release') }, value: { text: loaded?.release ? releaseInWords(loaded.release, locale) : t('Not known') } },
    { key: { text: t('File') }, value: { text: loaded?.filename ?? t('Not known') } },
    {
      key: { text: t('Loaded') },
      value: {
        text: loaded?.finishedAt
          ? loaded.source === 'cli'
            ? t('{when}, from the command line', { when: momentInWords(loaded.finishedAt) })
            : t('{when}, by {name}', { when: momentInWords(loaded.finishedAt), name: loaded.requestedByName ?? t('an instance operator') })
          : t('Not known'),
      },
    },
  ];
  const active = isActive(latest) ? latest : undefined;
  const failed = latest?.status === 'failed' ? latest : undefined;
  const finished = latest?.status === 'loaded' ? latest : undefined;
  return {
    summaryRows: rows,
    loading: active
      ? {
          filename: active.filename,
          text:
            active.status === 'queued'
              ? t('Waiting to start loading {filename}.', { filename: active.filename })
              : t('Loading {filename}: {rows, plural, one {# row} other {# rows}} read so far.', { filename: active.filename, rows: active.rowsRead }),
        }
      : undefined,
    failed: failed ? { filename: failed.filename, text: problemInWords(failed, t) } : undefined,
    finished: finished
      ? {
          text: t('{filename} is loaded: {loaded, plural, one {# postcode} other {# postcodes}} in the lookup.', {
            filename: finished.filename,
            loaded: finished.rowsLoaded ?? 0,
          }),
          rejected: t(
            '{rejected, plural, =0 {No lines were rejected.} one {# line was rejected: it had no postcode or no local authority code.} other {# lines were rejected: they had no postcode or no local authority code.}}',
            { rejected: finished.rowsRejected ?? 0 },
          ),
          withoutName: finished.withoutName
            ? t(
                '{count, plural, one {# postcode has} other {# postcodes have}} no local authority name, so its code is used as the name. Services that list local authorities by name will not match them: upload the names and codes file with it.',
                { count: finished.withoutName },
              )
            : undefined,
        }
      : undefined,
  };
}

/** A load as the API gives it. */
export function loadJson(load: PostcodeLoad | undefined) {
  if (!load) return null;
  return {
    id: load.id,
    status: load.status as 'queued' | 'running' | 'loaded' | 'failed',
    source: load.source as 'upload' | 'cli',
    filename: load.filename,
    namesFilename: load.namesFilename,
    release: load.release,
    rowsRead: load.rowsRead,
    rowsLoaded: load.rowsLoaded,
    rowsRejected: load.rowsRejected,
    withoutName: load.withoutName,
    problem: load.problem,
    createdAt: load.createdAt.toISOString(),
    finishedAt: load.finishedAt?.toISOString() ?? null,
  };
}

export const NO_FILE = msg('Choose the ONS postcode file (CSV)');
export const TOO_LARGE = msg('The file must be smaller than 4 GB');
