/**
 * The regular patterns of a reply letter's header and footer, one named
 * constant each, with a real example. Full- and half-width punctuation are
 * both accepted, since letters pass through Word, websites and PDFs.
 */

/** 温科提复〔2024〕108号 · 渝科局函〔2023〕281号 · 京科发[2022]5号 */
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号/;

/**
 * The proposal answered, in the title line (spaces removed first):
 * 关于市政协十二届三次会议157号提案的答复函 · 关于市十四届人大四次会议690号建议的答复函 ·
 * 对十四届全国人大二次会议第1234号建议的答复.
 * `prefix` is what stands before the term (市政协 / 市 / 区政协 …); `org`
 * is a congress named between term and session (市十四届人大四次会议).
 */
export const PROPOSAL_REF = new RegExp(
  '(?<prefix>[\\u4e00-\\u9fa5]{0,12}?)' +
    '(?<term>[一二三四五六七八九十\\d]{1,3}届)' +
    '(?<org>全国人大|人民代表大会|人大|全国政协|政协)?' +
    '(?<meeting>(?:第)?[一二三四五六七八九十\\d]{1,3}次(?:全体)?会议)' +
    '(?:[^\\d第]{0,8}?)(?:第)?(?<number>\\d{1,10})号(?<kind>提案|建议|议案)',
);

/** 提案第157号 after the session, for letters that put the kind first. */
export const PROPOSAL_REF_KIND_FIRST = /(?<kind>提案|建议|议案)第?(?<number>\d{1,10})号/;

/** （政协提案157号） · （人大建议690号）: the number repeated after the title. */
export const PROPOSAL_NUMBER_IN_BODY = /[（(](?:政协|人大)?(?<kind>提案|建议|议案)第?(?<number>\d{1,10})号[）)]/;

/** 所提的《关于……的提案》: the proposal's own title follows 所提/提出. */
export const TITLE_INTRO = /(?:所提(?:出)?的?|提出的|领衔提出的|提交的)\s*《/;

/** 答 复 函 / 答复函 / 答复意见 — the line that ends the title block. */
export const REPLY_WORD = /答\s*复\s*(?:函|意见|的函)?|复\s*函/;

/** The role after a proposer's name in the salutation: 叶剑淼委员： · 应辉辉代表： */
export const PROPOSER_ROLE = /(委员|代表|同志|先生|女士|议员)$/;

/** A salutation names an organisation when it ends like one: 致公党市委会 · 民盟温州市委员会 · 市工商联 */
export const ORGANIZATION_END = /(党|会|委|局|办|部|厅|组|院|校|团|社|盟|联|所|中心|公司|协会|学会|商会|支部|小组|界别)$/;

/**
 * 联系人：郑淳之，联系电话：88962039 · 联系人及电话：王五，023-12345678 (several names may
 * share one line, split on 、; the phone's label is optional).
 */
export const CONTACT = /联\s*系\s*人(?:及(?:联系)?(?:电话|方式))?\s*[：:]\s*(?<names>[^，,；;。\n：:\d]{2,40}?)\s*[，,；;]?\s*(?:(?:联系)?(?:电\s*话|手\s*机|座\s*机|Tel|TEL|tel)\s*[：:]?)?\s*(?<phones>[0-9０-９][0-9０-９\-－—() （）、,，/]*[0-9０-９])/g;

/** 联系人：李贤 — with no phone. */
export const CONTACT_NO_PHONE = /联\s*系\s*人\s*[：:]\s*(?<names>[\u4e00-\u9fa5、]{2,20})(?![\u4e00-\u9fa5])/g;

/** 抄送：市府办，市政协提案委 */
export const CC_LINE = /^抄\s*送\s*[：:]\s*(?<list>.+?)[。.]?$/;

/** 温州市科学技术局办公室 2024年6月27日印发 */
export const PRINTED_LINE = /^(?<org>[^\d\s，。]{2,40}?)\s*(?<date>(?:[0-9０-９]{4}|[〇零一二三四五六七八九Ｏ]{4})\s*年.{1,12}?日)\s*印\s*发$/;

/** The signature on one line, issuer then date: 重庆市科学技术局 2023年7月1日 */
export const ISSUER_AND_DATE_LINE = /^(?<issuer>[\u4e00-\u9fa5（）()]{3,40}?)\s+(?<date>(?:[0-9０-９]{4}|[〇零一二三四五六七八九Ｏ]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)$/;

/** A signature date alone on its line: 2024年6月27日 · 二〇二四年六月二十七日 */
export const DATE_LINE = /^(?:[0-9０-９]{4}|[〇零一二三四五六七八九Ｏ]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$/;

/** The 印发 unit is the issuer's office: 温州市科学技术局办公室 → 温州市科学技术局. */
export const OFFICE_SUFFIX = /(办公室|办公厅|综合处|秘书处)$/;
