import banjie from './banjie.json';

/**
 * The `banjie` moddle descriptor, shared by the engine (to read models) and the designer
 * (to edit them). Extension elements, all inside `bpmn:extensionElements`:
 *
 * - `<banjie:legalLimit workingDays="3" yellowAt="0.8" escalateTo="leader" tier="1"/>` on a
 *   task or sub-process: a legal limit in working days (a number or a FEEL expression `=…`),
 *   the used fraction for the yellow warning (default 0.8), who a red warning escalates to,
 *   and the "123 closure" tier it came from.
 * - `<banjie:taskName value="=pair.firm + ' 包联走访'"/>` on a user task: the name each task gets,
 *   a FEEL expression (`=…`) over the task's variables or a literal; a multi-instance task names
 *   its item this way (the element's own name stays the diagram's label).
 * - `<banjie:clockControl pause="true"/>` on a waiting element: the case's legal clock is paused
 *   while the element is active (补正时间不计入时限).
 * - `<banjie:workingDayTimer workingDays="5"/>` on a timer event: the timer is due at the end of
 *   the 5th working day instead of a calendar duration.
 */
export const banjieModdleDescriptor = banjie;

export const BANJIE_NS = banjie.uri;
export const BANJIE_PREFIX = banjie.prefix;

/** Default used fraction of a legal limit at which the yellow warning is raised. */
export const DEFAULT_YELLOW_AT = 0.8;
