/** A decision of a DMN file, as the 决策 Decisions tab lists it. */
export interface DecisionEntry {
  /** The DMN file it is in (`review-lanes.dmn`). */
  readonly file: string;
  readonly id: string;
  readonly name: string;
  /** `table` for a decision table, `literal` for a literal expression, `other` otherwise. */
  readonly kind: 'table' | 'literal' | 'other';
}

/** What a decision id must look like: an XML id (NCName), as DMN and Zeebe's `decisionId` use it. */
const DECISION_ID = /^[A-Za-z_][\w.-]{0,63}$/;

/** The decisions of each DMN file, in file order; a file that cannot be read lists none. */
export function decisionEntries(decisions: Readonly<Record<string, string>>): DecisionEntry[] {
  return Object.keys(decisions)
    .sort()
    .flatMap((file) => {
      const document = new DOMParser().parseFromString(decisions[file], 'application/xml');
      if (document.getElementsByTagName('parsererror').length > 0) return [];
      return Array.from(document.getElementsByTagNameNS('*', 'decision')).map((decision) => ({
        file,
        id: decision.getAttribute('id') ?? '',
        name: decision.getAttribute('name') ?? '',
        kind: decision.getElementsByTagNameNS('*', 'decisionTable').length > 0 ? 'table' : decision.getElementsByTagNameNS('*', 'literalExpression').length > 0 ? 'literal' : 'other',
      }));
    });
}

/** Why a new decision id cannot be used, in Chinese and English, or null when it can. */
export function newDecisionIdProblem(id: string, existing: readonly DecisionEntry[], files: readonly string[]): string | null {
  if (!DECISION_ID.test(id)) return '决策编号须以字母开头，只含字母、数字、_ - . The decision id must start with a letter and hold only letters, digits, _ - .';
  if (existing.some((entry) => entry.id === id)) return `决策 ${id} 已存在 The decision "${id}" exists already`;
  if (files.includes(`${id}.dmn`)) return `文件 ${id}.dmn 已存在 The file "${id}.dmn" exists already`;
  return null;
}

/**
 * A minimal DMN 1.3 file holding one decision table that deploys as it is (one input, one output,
 * one rule matching anything), for the designer to fill in.
 */
export function blankDecisionTable(id: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_${id}" name="${id}" namespace="http://banjie.gov.cn/dmn">
  <decision id="${id}" name="${id}">
    <decisionTable id="DecisionTable_${id}" hitPolicy="FIRST">
      <input id="Input_${id}_1" label="类别 Category">
        <inputExpression id="InputExpression_${id}_1" typeRef="string">
          <text>category</text>
        </inputExpression>
      </input>
      <output id="Output_${id}_1" label="结果 Result" name="result" typeRef="string" />
      <rule id="Rule_${id}_1">
        <inputEntry id="InputEntry_${id}_1">
          <text>-</text>
        </inputEntry>
        <outputEntry id="OutputEntry_${id}_1">
          <text>"standard"</text>
        </outputEntry>
      </rule>
    </decisionTable>
  </decision>
</definitions>
`;
}
