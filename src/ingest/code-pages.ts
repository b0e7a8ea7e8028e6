import { localizedCounterNames } from '../model/counter-names.js';
import { BASIC_DISPLAY_DRIVER_NAMES, BASIC_DISPLAY_NAMES, BASIC_RENDER_NAMES } from '../model/hardware-ids.js';
import { SYSTEMINFO_LABELS } from './parsers/systeminfo-labels.js';

/**
 * The legacy (non-Unicode) code pages Windows consoles and ANSI programs write: cmd.exe redirection uses the OEM
 * code page (cp437 US, cp850 Western Europe, cp852 Central Europe, cp866 Cyrillic, cp932/936/949 for Japanese,
 * Chinese, Korean), Set-Content and old tools the ANSI one (cp1250–cp1252). WHATWG names, as TextDecoder knows them.
 */
export type CodePage = 'windows-1252' | 'windows-1251' | 'windows-1250' | 'ibm437' | 'ibm850' | 'ibm852' | 'ibm866' | 'shift_jis' | 'gbk' | 'euc-kr';

export const CODE_PAGE_NAMES: Record<CodePage, string> = {
  'windows-1252': 'Windows-1252 (ANSI Western European)',
  'windows-1251': 'Windows-1251 (ANSI Cyrillic)',
  'windows-1250': 'Windows-1250 (ANSI Central European)',
  ibm437: 'cp437 (OEM United States)',
  ibm850: 'cp850 (OEM Western European)',
  ibm852: 'cp852 (OEM Central European)',
  ibm866: 'cp866 (OEM Cyrillic)',
  shift_jis: 'cp932 (Shift-JIS, Japanese)',
  gbk: 'cp936 (GBK, Simplified Chinese)',
  'euc-kr': 'cp949 (Korean)',
};

/** The upper halves of the DOS code pages TextDecoder does not know (WHATWG has no cp437/850/852), from glibc iconv. */
const SINGLE_BYTE_TABLES: Partial<Record<CodePage, string>> = {
  ibm437: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0',
  ibm850: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0',
  ibm852: 'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00AD˝˛ˇ˘§÷¸°¨˙űŘř■\u00A0',
};

export interface TextDecoding {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A decoder for a code page: TextDecoder where it knows the encoding, a table for the DOS code pages it does not. */
export function codePageDecoder(codePage: CodePage, fatal = false): TextDecoding {
  const table = SINGLE_BYTE_TABLES[codePage];
  if (!table) return new TextDecoder(codePage, { fatal, ignoreBOM: true });
  return {
    decode(bytes) {
      if (!bytes) return '';
      let out = '';
      for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : table[b - 0x80]!;
      return out;
    },
  };
}

const SINGLE_BYTE: CodePage[] = ['ibm850', 'ibm437', 'ibm852', 'ibm866', 'windows-1252', 'windows-1250', 'windows-1251'];
const DOUBLE_BYTE: CodePage[] = ['gbk', 'shift_jis', 'euc-kr'];

/** Frequent characters of each language's Windows output, to tell CJK decodings apart (a wrong one gives rare ones). */
const COMMON_CJK: Partial<Record<CodePage, string>> = {
  gbk: '的是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞主机版系统内存储处理器可用物总量虚拟页面文件置位设程序名称版本型号时间安装制造商',
  'euc-kr': '이는다의에를을하한사용메모리시스템장치프로세서가지고있습니기본디스플레이어댑터실제가상최대크기중호트름버전제조업체모델종류',
};

const VOCABULARY = [
  ...Object.values(SYSTEMINFO_LABELS).flat(),
  ...[...BASIC_DISPLAY_NAMES, ...BASIC_DISPLAY_DRIVER_NAMES, ...BASIC_RENDER_NAMES].map((n) => n.name),
  ...localizedCounterNames().map((n) => n.name),
]
  .map((word) => word.toLowerCase())
  .filter((word) => /[^\x00-\x7F]/.test(word));

function isLetter(c: string): boolean {
  return /\p{L}/u.test(c);
}

function alphabet(c: string): string | undefined {
  if (/\p{Script=Latin}/u.test(c)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(c)) return 'cyrillic';
  if (/\p{Script=Greek}/u.test(c)) return 'greek';
  return undefined;
}

/** "Cafщ": a letter of another alphabet than the letters beside it is what a wrong code page makes of a word. */
function mixesAlphabets(c: string, prev: string, next: string): boolean {
  const own = alphabet(c);
  return own !== undefined && [prev, next].some((n) => alphabet(n) !== undefined && alphabet(n) !== own);
}

/**
 * How much a decoding reads like text: letters inside words count for it, symbols and box-drawing characters
 * inside words and letters of the wrong case count against it ("syst‚me" or "MÚmoire" is a wrong code page).
 */
function plausibility(text: string, codePage: CodePage): number {
  let score = 0;
  const common = COMMON_CJK[codePage];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c.charCodeAt(0) < 0x80) continue;
    const prev = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    const betweenLetters = isLetter(prev) && isLetter(next);
    if (c === '\uFFFD' || /[\p{Co}\p{Cc}]/u.test(c)) score -= 4;
    else if (/[\uFF61-\uFF9F]/.test(c)) score -= 2; // half-width katakana: what Chinese or Korean bytes read as in Shift-JIS
    else if (/[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c)) {
      if (/[a-z]/i.test(prev) && /[a-z]/i.test(next)) score -= 3;
      else score += common?.includes(c) ? 3 : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c) && codePage === 'shift_jis' ? 2 : 0.5;
    } else if (isLetter(c)) {
      const upper = c !== c.toLowerCase();
      score += mixesAlphabets(c, prev, next) ? -3 : upper && /\p{Ll}/u.test(prev) ? -2 : 1;
    } else score -= betweenLetters ? 3 : 1;
  }
  const lower = text.toLowerCase();
  for (const word of VOCABULARY) if (lower.includes(word)) score += 20;
  return score;
}

export interface CodePageGuess {
  codePage: CodePage;
  /** Another code page that reads these bytes the same (cp437 and cp850 differ only in rare characters). */
  sameAs?: CodePage;
}

/**
 * Picks the legacy code page that makes the most sense of bytes that are not UTF-8: every candidate decodes the
 * sample, double-byte ones must decode without errors, and the most plausible text wins (ties: the order above,
 * which puts the OEM code pages cmd.exe writes first).
 */
export function guessCodePage(bytes: Uint8Array): CodePageGuess {
  const sample = bytes.subarray(0, 16 * 1024);
  let best: { codePage: CodePage; score: number; text: string } | undefined;
  let sameAs: CodePage | undefined;
  for (const codePage of [...SINGLE_BYTE, ...DOUBLE_BYTE]) {
    let text: string;
    try {
      text = codePageDecoder(codePage, DOUBLE_BYTE.includes(codePage)).decode(trimPartial(sample, codePage));
    } catch {
      continue;
    }
    const score = plausibility(text, codePage);
    if (!best || score > best.score) {
      best = { codePage, score, text };
      sameAs = undefined;
    } else if (score === best.score && text === best.text) sameAs ??= codePage;
  }
  return { codePage: best?.codePage ?? 'windows-1252', ...(sameAs && { sameAs }) };
}

/** A double-byte sample may end inside a character; drop a trailing lead byte so the strict decode does not fail on it. */
function trimPartial(sample: Uint8Array, codePage: CodePage): Uint8Array {
  if (!DOUBLE_BYTE.includes(codePage) || sample.length < 16 * 1024) return sample;
  let end = sample.length;
  while (end > 0 && sample[end - 1]! >= 0x80) end--;
  return sample.subarray(0, end);
}
