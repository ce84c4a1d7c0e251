/** The interface's words in Chinese (the default) and English; node kinds carry both names. */
export type Lang = 'zh' | 'en';

export const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  Letter: { zh: '答复函', en: 'Letter' },
  Proposal: { zh: '提案建议', en: 'Proposal' },
  Person: { zh: '人物', en: 'Person' },
  Organization: { zh: '机构', en: 'Organization' },
  Platform: { zh: '平台', en: 'Platform' },
  Enterprise: { zh: '企业', en: 'Enterprise' },
  Policy: { zh: '政策', en: 'Policy' },
  Programme: { zh: '举措', en: 'Programme' },
  Commitment: { zh: '承诺目标', en: 'Commitment' },
  Achievement: { zh: '成效', en: 'Achievement' },
  Chain: { zh: '四链', en: 'Chain' },
  Indicator: { zh: '指标', en: 'Indicator' },
  Place: { zh: '地区', en: 'Place' },
};

export const EDGE_NAMES: Record<string, { zh: string; en: string }> = {
  ANSWERS: { zh: '答复', en: 'answers' },
  PROPOSED_BY: { zh: '提出人', en: 'proposed by' },
  ISSUED_BY: { zh: '发文单位', en: 'issued by' },
  CONTACT: { zh: '联系人', en: 'contact' },
  CC: { zh: '抄送', en: 'cc' },
  MENTIONS: { zh: '提及', en: 'mentions' },
  COMMITS_TO: { zh: '承诺', en: 'commits to' },
  REPORTS: { zh: '报告成效', en: 'reports' },
  CONCERNS: { zh: '涉及', en: 'concerns' },
  SUPPORTS: { zh: '支持', en: 'supports' },
  ADVANCES: { zh: '推进', en: 'advances' },
  PART_OF: { zh: '隶属', en: 'part of' },
  MEASURES: { zh: '衡量', en: 'measures' },
  IN_PLACE: { zh: '所在地区', en: 'in place' },
};

/** The names of the fields the side panel shows. */
export const FIELD_NAMES: Record<string, { zh: string; en: string }> = {
  docNumber: { zh: '文号', en: 'Document number' },
  date: { zh: '日期', en: 'Date' },
  dateSource: { zh: '日期来源', en: 'Date from' },
  issuer: { zh: '发文单位', en: 'Issuer' },
  addressee: { zh: '收件人', en: 'Addressee' },
  source: { zh: '文件', en: 'File' },
  body: { zh: '机关', en: 'Body' },
  session: { zh: '会议', en: 'Session' },
  number: { zh: '编号', en: 'Number' },
  kind: { zh: '类别', en: 'Kind' },
  title: { zh: '标题', en: 'Title' },
  text: { zh: '原文', en: 'Text' },
  value: { zh: '数值', en: 'Value' },
  unit: { zh: '单位', en: 'Unit' },
  qualifier: { zh: '限定', en: 'Qualifier' },
  year: { zh: '年份', en: 'Year' },
  role: { zh: '身份', en: 'Role' },
  phone: { zh: '电话', en: 'Phone' },
  english: { zh: '英文名', en: 'English' },
  placeName: { zh: '地区', en: 'Place' },
  placeSource: { zh: '地区依据', en: 'Place read from' },
  letterKind: { zh: '函件类型', en: 'Kind of letter' },
  leadUnit: { zh: '主办单位', en: 'Lead unit' },
};

export function fieldName(field: string, lang: Lang): string {
  return FIELD_NAMES[field]?.[lang] ?? field;
}

export function edgeName(type: string, lang: Lang): string {
  return EDGE_NAMES[type]?.[lang] ?? type.toLowerCase().replace(/_/g, ' ');
}

const STRINGS = {
  title: { zh: 'innograph 四链融合图谱', en: 'innograph · four chains' },
  subtitle: { zh: ' 四链融合图谱', en: ' · four chains' },
  'view.graph': { zh: '生态图', en: 'Ecosystem' },
  'view.chains': { zh: '四链', en: 'Four chains' },
  'view.letter': { zh: '答复函', en: 'Letter' },
  'view.commitments': { zh: '承诺目标表', en: 'Commitments' },
  'view.ledger': { zh: '承诺台账', en: 'Promise ledger' },
  'ledger.explain': {
    zh: '每个指标按年份列出目标（空心菱形）与实绩（实心圆点），点击一点查看原句；下表为每项承诺的结果，由后续答复函中同一指标、同一年份的数字比较得出。',
    en: 'Each indicator’s figures by year, targets as hollow diamonds and results as filled dots; click a point for its sentence. The table gives what became of each promise, from later letters’ figures for the same indicator and year.',
  },
  'ledger.chartTitle': { zh: '各年份目标与实绩', en: 'targets and results by year' },
  'ledger.target': { zh: '目标', en: 'Target' },
  'ledger.result': { zh: '实绩', en: 'Result' },
  'ledger.pickPoint': { zh: '点击图中一点查看原句。', en: 'Click a point for its sentence.' },
  'ledger.anyStatus': { zh: '全部状态', en: 'Any status' },
  'ledger.restated': { zh: '多函重申', en: 'restated' },
  'ledger.col.year': { zh: '年份', en: 'Year' },
  'ledger.col.indicator': { zh: '指标', en: 'Indicator' },
  'ledger.col.commitment': { zh: '承诺', en: 'Promise' },
  'ledger.col.status': { zh: '状态', en: 'Status' },
  'ledger.col.reason': { zh: '比较依据', en: 'Compared' },
  'ledger.col.letters': { zh: '来源函', en: 'Letters' },
  'ledger.col.chains': { zh: '四链', en: 'Chains' },
  'ledger.status.MET': { zh: '已完成', en: 'met' },
  'ledger.status.PARTLY': { zh: '部分完成', en: 'partly' },
  'ledger.status.NOT_MET': { zh: '未完成', en: 'not met' },
  'ledger.status.SUPERSEDED': { zh: '已被新目标取代', en: 'superseded' },
  'ledger.status.NO_COMPARABLE_REPORT': { zh: '无可比报告', en: 'no comparable report' },
  'ledger.status.NO_LATER_REPORT': { zh: '暂无后续报告', en: 'no later report' },
  'search.placeholder': { zh: '搜索名称（按 / 聚焦）', en: 'Search names (press /)' },
  'search.none': { zh: '无结果', en: 'No results' },
  loading: { zh: '加载中…', en: 'Loading…' },
  empty: { zh: '图谱为空：尚未导入任何答复函。运行', en: 'The graph is empty: no letters have been ingested. Run' },
  unreachable: { zh: '无法连接 API', en: 'Cannot reach the API' },
  'filters.kinds': { zh: '类型', en: 'Kinds' },
  'filters.edges': { zh: '关系', en: 'Links' },
  'filters.chain': { zh: '四链', en: 'Chain' },
  'filters.letter': { zh: '答复函', en: 'Letter' },
  'filters.all': { zh: '全部', en: 'All' },
  'filters.year': { zh: '答复函年份', en: 'Year of the letters' },
  'filters.allYears': { zh: '全部年份', en: 'All years' },
  'details.appears': { zh: '出现', en: 'Appears' },
  'details.letters': { zh: '封答复函', en: 'letters' },
  'details.none': {
    zh: '点击节点查看详情与出处句子。双击展开邻居。',
    en: 'Click a node for its details and source sentences. Double-click to expand.',
  },
  'details.mentions': { zh: '出处', en: 'Mentions' },
  'details.commitments': { zh: '承诺目标', en: 'Commitments' },
  'details.chains': { zh: '所属链', en: 'Chains' },
  'details.aliases': { zh: '别名', en: 'Aliases' },
  'action.expand': { zh: '展开邻居', en: 'Expand' },
  'action.hide': { zh: '隐藏', en: 'Hide' },
  'action.pin': { zh: '固定', en: 'Pin' },
  'action.unpin': { zh: '取消固定', en: 'Unpin' },
  'action.from': { zh: '设为起点', en: 'Path from' },
  'action.to': { zh: '设为终点', en: 'Path to' },
  'action.letter': { zh: '打开答复函', en: 'Open letter' },
  'toolbar.undo': { zh: '撤销展开', en: 'Undo expand' },
  'toolbar.fit': { zh: '适应窗口', en: 'Fit' },
  'toolbar.reset': { zh: '重置', en: 'Reset' },
  'toolbar.export': { zh: '导出', en: 'Export' },
  'toolbar.png': { zh: '导出 PNG', en: 'PNG' },
  'toolbar.svg': { zh: '导出 SVG', en: 'SVG' },
  'toolbar.json': { zh: '导出 JSON', en: 'JSON' },
  'toolbar.graphml': { zh: '导出 GraphML', en: 'GraphML' },
  'path.none': { zh: '两者之间没有路径', en: 'No path between them' },
  'path.gone': {
    zh: '路径的一端已不在图谱中（链接里的名称可能已被后来的导入移除）',
    en: 'One end of the path is not in the graph (a later ingest may have removed what the link names)',
  },
  'path.noneTryHubs': {
    zh: '两者之间没有经过共同内容的路径；可勾选“含公共链接”',
    en: 'No path through shared content; tick “Include hubs” to allow one through them',
  },
  'path.found': { zh: '路径', en: 'Path' },
  'path.clear': { zh: '清除路径 (Esc)', en: 'Clear path (Esc)' },
  'path.hubs': {
    zh: '含公共链接（抄送市府办、发文单位、联系人、四链）',
    en: 'Include hubs (cc to the city office, issuer, contacts, the chains)',
  },
  'chains.title': { zh: '四链融合：哪两条链被什么连在一起', en: 'The four chains: which two are bridged, and by what' },
  'chains.explain': {
    zh: '每格为同时推进两条链的事物数（举措、平台、承诺目标、政策等）。点击一格查看这些事物及其在答复函中的原句。',
    en: 'Each cell counts the things that advance both chains (programmes, platforms, commitments, policies …). Click a cell for those things and the sentences of the letters that tie them to each chain.',
  },
  'chains.basis': { zh: '依据', en: 'Basis' },
  'chains.diagonal': { zh: '推进该链的事物总数', en: 'Everything that advances this chain' },
  'chains.more': { zh: '仅列出前 {n} 项', en: 'Only the first {n} are listed' },
  'basis.HEADING': { zh: '标题', en: 'heading' },
  'basis.SENTENCE': { zh: '句子', en: 'sentence' },
  'basis.VOCABULARY': { zh: '词汇', en: 'vocabulary' },
  'toolbar.whole': { zh: '整图', en: 'Whole graph' },
  'toolbar.summary': { zh: '概览', en: 'Summary' },
  'letter.pick': { zh: '选择答复函', en: 'Pick a letter' },
  'letter.proposal': { zh: '所答复', en: 'Answers' },
  'letter.proposers': { zh: '提出人', en: 'Proposers' },
  'letter.contacts': { zh: '联系人', en: 'Contacts' },
  'letter.cc': { zh: '抄送', en: 'Cc' },
  'letter.issuer': { zh: '发文单位', en: 'Issuer' },
  'letter.date': { zh: '日期', en: 'Date' },
  'table.text': { zh: '内容', en: 'Text' },
  'table.value': { zh: '数值', en: 'Value' },
  'table.unit': { zh: '单位', en: 'Unit' },
  'table.qualifier': { zh: '限定', en: 'Qualifier' },
  'table.year': { zh: '年份', en: 'Year' },
  'table.letter': { zh: '答复函', en: 'Letter' },
  'table.place': { zh: '地区', en: 'Place' },
  'table.chains': { zh: '四链', en: 'Chains' },
  'table.csv': { zh: '导出 CSV', en: 'Export CSV' },
  'table.anyYear': { zh: '全部年份', en: 'Any year' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** A kind's name; in Chinese with the English after it unless `short`. */
export function kindName(kind: string, lang: Lang, short = false): string {
  const names = KIND_NAMES[kind];
  if (!names) return kind;
  return lang === 'zh' ? (short ? names.zh : `${names.zh} ${names.en}`) : names.en;
}

export const CHAIN_ENGLISH: Record<string, string> = {
  创新链: 'Innovation chain',
  产业链: 'Industry chain',
  资金链: 'Capital chain',
  人才链: 'Talent chain',
};

export function chainName(chain: string, lang: Lang): string {
  return lang === 'zh' ? chain : (CHAIN_ENGLISH[chain] ?? chain);
}
