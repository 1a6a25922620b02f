/**
 * "Xóa dự án" for planners: a confirmation naming the project (code, name, mapped area) and warning that it
 * cannot be undone, then DELETE at the version the panel shows. The server refuses a project with site-clearance
 * records (legal progress) and a project someone changed meanwhile; both reasons are shown, nothing is lost.
 */
import { useEffect, useRef, useState } from 'react';
import type { ProjectDetail } from '../../../server/api/contract';
import type { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { formatHa } from './project-list';
import { deleteProject } from './projects-api';

type State = { step: 'idle' } | { step: 'confirm' } | { step: 'deleting' } | { step: 'failed'; message: string };

/** onDeleted: the project is gone (close the panel, reload the list, the summary and the map). */
export function ProjectDelete({ d, onDeleted }: { d: ProjectDetail; onDeleted: () => void }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  const p = d.project;
  const keep = useRef<HTMLButtonElement>(null);
  // the confirmation opens at the foot of a long panel: bring it into view, focus on the safe choice
  useEffect(() => {
    if (state.step !== 'confirm') return;
    keep.current?.scrollIntoView({ block: 'nearest' });
    keep.current?.focus({ preventScroll: true });
  }, [state.step]);

  const reason = (e: ApiError): string => {
    if (e.code === 'project_has_clearance') return t('proj.deleteHasClearance', { n: d.progress.clearanceParcels });
    if (e.code === 'version_conflict') return t('proj.deleteConflict');
    if (e.code === 'not_found') return t('proj.deleteGone');
    return t('proj.deleteFailed', { message: e.message });
  };
  const run = () => {
    setState({ step: 'deleting' });
    deleteProject(p.id, p.version).then(onDeleted, (e: ApiError) => {
      // already gone (deleted elsewhere): the list must forget it too
      if (e.code === 'not_found') onDeleted();
      setState({ step: 'failed', message: reason(e) });
    });
  };

  if (state.step === 'idle' || state.step === 'failed') {
    return (
      <div className="project-delete">
        <button type="button" className="danger-button" data-testid="project-delete" onClick={() => setState({ step: 'confirm' })}>
          {t('proj.delete')}
        </button>
        {state.step === 'failed' && <p className="form-error" role="alert" data-testid="project-delete-error">{state.message}</p>}
      </div>
    );
  }
  return (
    <div className="project-delete-confirm" role="alertdialog" aria-labelledby="project-delete-q" data-testid="project-delete-confirm">
      <p id="project-delete-q">
        {t('proj.deleteConfirm', { code: p.code, name: p.name, ha: formatHa(p.mappedAreaHa, lang, 4) })}
      </p>
      <p className="muted">{t(p.demo ? 'proj.deleteWarnDemo' : 'proj.deleteWarn')}</p>
      <div className="project-delete-actions">
        <button type="button" className="danger-button" data-testid="project-delete-yes" disabled={state.step === 'deleting'} onClick={run}>
          {state.step === 'deleting' ? t('proj.deleting') : t('proj.deleteYes')}
        </button>
        <button type="button" ref={keep} disabled={state.step === 'deleting'} onClick={() => setState({ step: 'idle' })}>{t('proj.deleteCancel')}</button>
      </div>
    </div>
  );
}
