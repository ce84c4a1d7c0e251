import type { LetterText } from '../../ingest/read/read-letter-file.ts';
import { letterText } from './parse.ts';

/**
 * Letters written for the place tests (never copied from a portal): bureaus of
 * two cities of one province, a district and a county under one of them, the
 * province's own department, the two 朝阳区 (Beijing's and Changchun's), a
 * letter whose place is only in its doc number, one with no place at all and a
 * co-handling opinion (协办意见).
 */
const body = (topic: string, figure: string, extra = '') =>
  `您所提的《关于${topic}的建议》收悉。现答复如下：\n一、工作进展\n${extra}近年来，市科技局会同市财政局推进${topic}，市委、市政府高度重视。\n二、下一步工作计划\n（一）加强平台建设。${figure}\n感谢您对科技工作的支持。`;

export const PLACE_LETTERS: Record<string, string> = {
  'hz-2023.txt': letterText({
    docNumber: '杭科函〔2023〕11号',
    title: '关于杭州市政协十二届二次会议第101号提案的答复函',
    salutation: '李明委员：',
    body: body('新型研发机构建设', '力争2024年新增新型研发机构10家以上。'),
    signature: '杭州市科学技术局\n2023年6月20日',
    cc: '抄送：市政府办公厅',
    printed: '',
  }),
  'nb-2024.txt': letterText({
    docNumber: '甬科函〔2024〕7号',
    title: '关于宁波市十六届人大三次会议第55号建议的答复函',
    salutation: '王芳代表：',
    body: body('新型研发机构建设', '力争2025年新增新型研发机构8家以上。'),
    signature: '宁波市科学技术局\n2024年7月2日',
    cc: '抄送：市政府办公厅',
    printed: '',
  }),
  'hz-binjiang-2024.txt': letterText({
    docNumber: '',
    title: '关于区政协四届三次会议第12号提案的答复函',
    salutation: '赵强委员：',
    body: body('科技金融服务', '力争2025年科技贷款余额达到100亿元。', '区科技局联合区财政局开展科技金融服务。'),
    signature: '杭州市滨江区科学技术局\n2024年5月8日',
    cc: '',
    printed: '',
  }),
  'chunan-2024.txt': letterText({
    docNumber: '',
    title: '关于淳安县十七届人大三次会议第9号建议的答复函',
    salutation: '陈静代表：',
    body: body('农业科技特派员', '力争2025年选派科技特派员50名。'),
    signature: '淳安县科学技术局\n2024年6月3日',
    cc: '',
    printed: '',
  }),
  'zj-2024.txt': letterText({
    docNumber: '浙科建〔2024〕21号',
    title: '关于省十四届人大二次会议第301号建议的答复函',
    salutation: '孙伟代表：',
    body: `您所提的《关于支持宁波建设新型研发机构的建议》收悉。现答复如下：\n一、工作进展\n近年来，我省累计认定省级新型研发机构500家。\n二、下一步工作计划\n（一）加强平台建设。力争2025年新增省级新型研发机构50家。\n感谢您对科技工作的支持。`,
    signature: '浙江省科学技术厅\n2024年6月28日',
    cc: '',
    printed: '',
  }),
  'cy-beijing-2023.txt': letterText({
    docNumber: '',
    title: '关于区政协第21号提案的答复函',
    salutation: '周涛委员：',
    body: body('科技成果转化', '力争2024年技术合同成交额达到20亿元。', '区科技局联合区财政局推进成果转化。'),
    signature: '北京市朝阳区科学技术和信息化局\n2023年7月9日',
    cc: '',
    printed: '',
  }),
  'cy-changchun-2023.txt': letterText({
    docNumber: '',
    title: '关于区政协第8号提案的答复函',
    salutation: '吴敏委员：',
    body: body('科技成果转化', '力争2024年技术合同成交额达到3亿元。', '区科技局联合区财政局推进成果转化。'),
    signature: '长春市朝阳区科学技术局\n2023年8月1日',
    cc: '',
    printed: '',
  }),
  'cy-alone.txt': letterText({
    docNumber: '',
    title: '关于区政协第3号提案的答复函',
    salutation: '郑洁委员：',
    body: body('科技成果转化', '力争2024年新增孵化器2家。'),
    signature: '朝阳区科学技术局\n2023年9月1日',
    cc: '',
    printed: '',
  }),
  'doc-only-2022.txt': letterText({
    docNumber: '渝科局函〔2022〕15号',
    title: '关于市五届人大五次会议第0321号建议的答复函',
    salutation: '何平代表：',
    body: body('科技型企业培育', '力争2023年新增科技型企业2000家。'),
    signature: '市科技局',
    cc: '',
    printed: '',
  }),
  'no-place.txt': letterText({
    docNumber: '',
    title: '关于第15号提案的答复函',
    salutation: '钱进委员：',
    body: body('科普工作', '力争明年开展科普活动30场。'),
    signature: '科技局',
    cc: '',
    printed: '',
    contact: '',
  }),
  'nb-xieban-2024.txt': [
    '市经信局：',
    '现就市政协十六届三次会议第88号提案《关于加快工业互联网发展的建议》，提出协办意见如下：',
    '一、我局支持工业互联网平台建设，近年来，市科技局推动建设工业互联网创新中心3家。',
    '二、下一步，力争2025年新增工业互联网创新中心2家。',
    '宁波市科学技术局',
    '2024年4月18日',
  ].join('\n'),
};

/** The place letters as texts for ingestTexts (ingest/ingest-files.ts), as if read from .txt files of those names. */
export function placeTexts(): LetterText[] {
  return Object.entries(PLACE_LETTERS).map(([source, text]) => ({
    source,
    path: source,
    format: 'txt' as const,
    encoding: 'utf-8',
    text,
  }));
}
