import { findDeadline } from '../state/case-state-queries';
import { removeWhere, replaceWhere, upsertWhere, type Applier } from './applier';

/** A deadline is set (or shifted after a pause); a warning already raised stays. */
export const applyDeadlineSet: Applier<'DeadlineSet'> = (state, data) => ({
  ...state,
  deadlines: upsertWhere(state.deadlines, (d) => d.elementInstanceId === data.elementInstanceId, {
    elementInstanceId: data.elementInstanceId,
    elementId: data.elementId,
    ...(data.taskId ? { taskId: data.taskId } : {}),
    limitWorkingDays: data.limitWorkingDays,
    startedAt: data.startedAt,
    yellowAt: data.yellowAt,
    dueAt: data.dueAt,
    extendedWorkingDays: data.extendedWorkingDays ?? 0,
    warning: findDeadline(state, data.elementInstanceId)?.warning ?? 'none',
  }),
});

export const applyDeadlineWarned: Applier<'DeadlineWarned'> = (state, data) => ({
  ...state,
  deadlines: replaceWhere(state.deadlines, (d) => d.elementInstanceId === data.elementInstanceId, (deadline) => ({ ...deadline, warning: data.level })),
});

export const applyDeadlineCleared: Applier<'DeadlineCleared'> = (state, data) => ({
  ...state,
  deadlines: removeWhere(state.deadlines, (d) => d.elementInstanceId === data.elementInstanceId),
});

export const applyClockPaused: Applier<'ClockPaused'> = (state, data) => ({
  ...state,
  clock: { pausedWorkingDays: state.clock.pausedWorkingDays, pausedAt: data.at, reason: data.reason, ...(data.elementInstanceId ? { pausedBy: data.elementInstanceId } : {}) },
});

export const applyClockResumed: Applier<'ClockResumed'> = (state, data) => ({
  ...state,
  clock: { pausedWorkingDays: state.clock.pausedWorkingDays + data.pausedWorkingDays },
});
