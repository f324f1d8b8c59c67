// The draft both e2e runs type (run.mjs in Chromium, firefox.mjs in Firefox) and what its
// export must hold: one copy of its text, whichever library drives the browser.
import assert from 'node:assert/strict';
import { unzip } from './zip.mjs';

export const FIRST_DRAFT = {
  agency: '临安区卫生健康局',
  agencyCode: '临卫',
  signer: '王伟荣',
  title: '临安区卫生健康局关于2025年度法治政府建设工作情况的报告',
  /** Under 主要举措和成效: a heading （一） and a paragraph. */
  measuresHeading: '强化法治建设主体责任落实',
  measuresParagraph: '深入学习贯彻习近平法治思想，全年组织党委理论学习中心组学法4次。',
  /** Under 存在的不足和原因: a paragraph. */
  shortcomingsParagraph: '一是“三项制度”工作落实尚需进一步细化。',
};

/** The name the export of the first draft is offered under. */
export const FIRST_DRAFT_EXPORT_NAME = `${FIRST_DRAFT.title}.docx`;

/** Checks that an exported .docx holds the first draft's text; returns its document.xml. */
export function documentOfFirstDraft(docx) {
  assert.equal(docx.toString('latin1', 0, 2), 'PK');
  const documentXml = unzip(docx).get('word/document.xml').toString('utf8');
  // Runs and balanced title lines split text across elements: compare the text alone.
  const documentText = documentXml.replace(/<[^>]*>/g, '');
  for (const text of [FIRST_DRAFT.title, FIRST_DRAFT.measuresHeading, '学法4次', '三项制度', FIRST_DRAFT.signer]) {
    assert.ok(documentText.includes(text), `the .docx holds ${text}`);
  }
  return documentXml;
}
