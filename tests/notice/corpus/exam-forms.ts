import { clause as clauseWords, toTraditional } from './forms.js';
import { inventedNames, inventedPlan, inventedText, pick, random, type Rand } from './invented.js';
import type { Plan, PlanItem } from './plans.js';

/**
 * Forms of the catalogue that a held-out exam found read wrong, generated on
 * invented plans (names in no registry, made-up task words) with their
 * variations: numbering levels, punctuation, one line or many, scripts,
 * where the clause and the deadline stand. Each unit says what it must read
 * back; `sure` forms must read every unit right with nothing flagged, the
 * others may flag a unit they cannot cut surely but must never be silently wrong.
 */

export interface ExamUnit {
  item: PlanItem;
  /** An ISO date, 'ongoing', 'none' (no deadline may be read), or undefined (not checked). */
  due?: string;
  /** The unit is right when flagged too (a recurring time is kept as words and flagged: no date to count from). */
  mayFlag?: boolean;
}

export interface ExamForm {
  name: string;
  bytes: Buffer;
  units: ExamUnit[];
  /** 'sure': all right, none flagged; 'right-or-flagged': a unit may be flagged instead of right. */
  mode: 'sure' | 'right-or-flagged';
  /** The plan year the title gives, when the form checks it. */
  year?: number;
  /** The plan's own title, issuer and signing date, when the form checks them. */
  title?: string;
  issuer?: string;
  issuedOn?: string;
}

const CN = '一二三四五六七八九十';
export const chinese = (n: number): string => (n <= 10 ? CN[n - 1]! : n < 20 ? `十${CN[n - 11] ?? ''}` : `${CN[Math.floor(n / 10) - 1]}十${CN[(n % 10) - 1] ?? ''}`);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const SEPARATORS = ['，', ','] as const;
const LEADS = ['牵头', '牵头负责', '牵头落实'];
const COOPERATES = ['配合', '协同', '配合落实'];
const JOINTS = ['按职责分工负责', '分别负责', '按职能分工落实'];

/** A clause in words drawn at random from the role words offices use. */
function clauseOf(rand: Rand, it: PlanItem, sep: string = pick(rand, SEPARATORS)): string {
  return clauseWords(it, { sep, lead: pick(rand, LEADS), joint: pick(rand, JOINTS), cooperate: pick(rand, COOPERATES), sole: '负责' });
}

const HEAD = (plan: Plan) => `某地${plan.year}年政务公开工作要点\n为做好${plan.year}年政务公开工作，制定本要点。\n`;

/** Items under 一、 … with (一) numbering only (F10), restarting in each section; on many lines or one. */
function sectioned(plan: Plan, item: (it: PlanItem, i: number) => string, oneLine: boolean, tail = ''): string {
  const lines = [HEAD(plan)];
  for (let s = 0; s * 4 < plan.items.length; s++) {
    lines.push(`${chinese(s + 1)}、第${chinese(s + 1)}方面重点工作`);
    plan.items.slice(s * 4, s * 4 + 4).forEach((it, i) => lines.push(`(${chinese(i + 1)})${item(it, s * 4 + i)}`));
  }
  if (tail) lines.push(tail);
  return oneLine ? lines.join(' ') : `${lines.join('\n')}\n`;
}

const strip = (text: string) => text.replace(/[。；;]$/, '');

/** Miss 1/6: F2 glued clause, no bracket, at the end of an item; names in no registry. */
export function gluedForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    for (const withPrefix of [true, false]) {
      const plan = inventedPlan(seed, 12, withPrefix, ['lead+cooperate', 'joint', 'two leads', 'lead+joint+cooperate', 'sole', 'lead']);
      const rand = random(seed * 7 + 1);
      for (const variant of ['lines', 'one line', 'Traditional'] as const) {
        const stop = pick(rand, ['。', '。', '；', '']);
        // Task words with a list in them (A、B和C) sometimes: the list is the text's, not names.
        const words = (it: PlanItem) => (rand() < 0.2 ? `${strip(it.text)}、${pick(rand, ['办事指南', '收费标准', '服务流程'])}` : strip(it.text));
        const notice = sectioned(plan, (it) => `${words(it)}${clauseOf(rand, it)}${stop}`, variant === 'one line');
        const bytes = Buffer.from(variant === 'Traditional' ? toTraditional(notice) : notice);
        // With a shared prefix (县…) every cut is sure; without, a cut may only be flagged.
        out.push({ name: `F2 glued clause, (一) only, ${variant}, ${plan.name}`, bytes, units: plan.items.map((item) => ({ item })), mode: withPrefix ? 'sure' : 'right-or-flagged' });
      }
    }
  }
  return out;
}

/** Miss 4: F1 〔〕 clause of scoped parts split by ；, one part `Z由D负责` (sole), another `Y由A牵头，B配合`. */
export function scopedForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  const SCOPES = ['规范性文件公开', '执法事项清单', '权责清单', '政策解读材料', '年度报告', '办事指南', '统计数据发布'];
  for (const seed of seeds) {
    const rand = random(seed);
    const names = inventedNames(rand, 10, pick(rand, ['县', '市', '', '澜平区']));
    const units: ExamUnit[] = [];
    const lines = [`某地2024年政务公开工作要点及任务分工`, '一、重点工作'];
    for (let n = 1; n <= 10; n++) {
      const [a, b, d, e] = [...names].sort(() => rand() - 0.5);
      const [y, z] = [...SCOPES].sort(() => rand() - 0.5);
      const soleAlone = rand() < 0.5;
      const parts = [`${y}由${a}${pick(rand, LEADS)}${pick(rand, SEPARATORS)}${b}${pick(rand, COOPERATES)}`, soleAlone ? `${z}由${d}负责` : `${z}由${d}、${e}负责`];
      if (rand() < 0.5) parts.reverse();
      const sep = pick(rand, ['；', ';']);
      const [open, close] = pick(rand, [['〔', '〕'], ['（', '）']] as const);
      lines.push(`${n}.${inventedText(rand)}${open}${parts.join(sep)}${close}`);
      units.push({ item: { text: '', lead: [a!], cooperate: [b!], joint: soleAlone ? [] : [d!, e!], sole: soleAlone ? [d!] : [], scoped: [] } });
    }
    out.push({ name: `F1 〔〕 scoped parts split by ；, seed ${seed}`, bytes: Buffer.from(`${lines.join('\n')}\n`), units, mode: 'sure' });
  }
  return out;
}

/** Deadline words as they stand in an item's text, with the date they give in `year`. */
export function deadlineInWords(rand: Rand, year: number): { words: string; due: string } {
  const m = 1 + Math.floor(rand() * 12);
  const q = 1 + Math.floor(rand() * 4);
  const day = 1 + Math.floor(rand() * 28);
  const forms: (() => { words: string; due: string })[] = [
    () => ({ words: `${m}月中旬`, due: `${year}-${pad(m)}-20` }),
    () => ({ words: `${m}月下旬`, due: `${year}-${pad(m)}-${lastDay(year, m)}` }),
    () => ({ words: `${m}月上旬`, due: `${year}-${pad(m)}-10` }),
    () => ({ words: `${pick(rand, ['第', ''])}${CN[q - 1]}季度`, due: `${year}-${pad(q * 3)}-${lastDay(year, q * 3)}` }),
    () => ({ words: '年中', due: `${year}-06-30` }),
    () => ({ words: '上半年', due: `${year}-06-30` }),
    () => ({ words: `${m}月底前`, due: `${year}-${pad(m)}-${lastDay(year, m)}` }),
    () => ({ words: `${year}年${m}月中旬`, due: `${year}-${pad(m)}-20` }),
    // A day, with the year or not, and the words that lead a deadline in a sentence (要于…前, 不晚于…).
    () => ({ words: `${pick(rand, ['于', '要于', '务必于', ''])}${pick(rand, [`${year}年`, ''])}${m}月${day}日前`, due: `${year}-${pad(m)}-${pad(day)}` }),
    () => ({ words: `${pick(rand, ['于', '要于'])}${m}月底前`, due: `${year}-${pad(m)}-${lastDay(year, m)}` }),
    () => ({ words: `不晚于${year}年${m}月${day}日`, due: `${year}-${pad(m)}-${pad(day)}` }),
    // Next year's first weeks (a 年度报告 due 1月31日 after the plan year).
    () => ({ words: `${pick(rand, ['于', ''])}${year + 1}年1月${day}日前`, due: `${year + 1}-01-${pad(day)}` }),
    // The same said from the plan's year: 次年, 下一年度.
    () => {
      const end = pick(rand, ['底前', `${day}日前`]);
      return { words: `${pick(rand, ['次年', '下一年度'])}1月${end}`, due: `${year + 1}-01-${end === '底前' ? '31' : pad(day)}` };
    },
  ];
  const chosen = pick(rand, forms)();
  // Typed in a Chinese input method, digits come full-width (２０１９年５月中旬) as often as not.
  return rand() < 0.25 ? { ...chosen, words: chosen.words.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) } : chosen;
}

const DONE_VERBS = ['完成', '出台', '印发', '举办', '上线', '公开', '发布', '建成', '启动', '开展'];
const DONE_OBJECTS = ['制度修订', '实施细则', '专题培训', '解读平台建设', '目录编制', '评估报告', '便民服务专栏', '专项检查'];
const ONGOING = ['长期坚持', '全年动态调整', '常态化开展', '持续推进'];

/** Miss 5: deadline words inside an item's text (not in its clause), before a completion verb; and texts whose years and spans are no deadline. */
export function deadlineTextForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 16, rand() < 0.7);
    const units: ExamUnit[] = [];
    const lines: string[] = [];
    plan.items.forEach((it, i) => {
      const kind = i % 4;
      let text: string;
      let due: string;
      if (kind <= 1) {
        const d = deadlineInWords(rand, plan.year);
        const phrase = `${d.words}${pick(rand, DONE_VERBS)}${pick(rand, DONE_OBJECTS)}`;
        text = kind === 0 ? `${strip(it.text)}，${phrase}` : `${phrase}，${strip(it.text)}`;
        due = d.due;
        // Sometimes two dated steps (2月…，8月…): the item is due at the later one.
        if (rand() < 0.3) {
          const e = deadlineInWords(rand, plan.year);
          text = `${text}，${e.words}${pick(rand, DONE_VERBS)}${pick(rand, DONE_OBJECTS)}`;
          due = e.due > due ? e.due : due;
        }
      } else if (kind === 2) {
        // Sometimes with words of manner before them (做到全年动态调整, 并长期坚持).
        text = `${strip(it.text)}，${pick(rand, ['', '', '做到', '并', '确保'])}${pick(rand, ONGOING)}`;
        due = 'ongoing';
      } else {
        // Years and spans that are no deadline: 2020年度, 收到申请后10个工作日内, 2019年6月出台的, 每年3月.
        const y = plan.year - 1 - Math.floor(rand() * 3);
        const noise = pick(rand, [`公开${y}年度${pick(rand, DONE_OBJECTS)}`, `收到申请后${5 + Math.floor(rand() * 16)}个工作日内予以答复`, `清理${y}年${1 + Math.floor(rand() * 12)}月出台的规范性文件`, `每年${1 + Math.floor(rand() * 12)}月公开上年度工作报告`, `自${y}年起持续推进${pick(rand, DONE_OBJECTS)}`]);
        text = `${strip(it.text)}，${noise}`;
        due = 'none';
      }
      lines.push(`${i + 1}.${text}。（${clauseOf(rand, it)}）`);
      units.push({ item: it, due });
    });
    const body = `${HEAD(plan)}一、重点工作\n${lines.join('\n')}\n`;
    out.push({ name: `deadline words in the text, ${plan.name}`, bytes: Buffer.from(body), units, mode: 'sure' });
    out.push({ name: `deadline words in the text, Traditional, ${plan.name}`, bytes: Buffer.from(toTraditional(body)), units, mode: 'sure' });
  }
  return out;
}

/** Miss 3: F4 sentence clause in the middle of an item, then a deadline and what is done by then; Simplified text and a Traditional web page. */
export function sentenceMidForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 12, rand() < 0.6, ['lead+cooperate', 'sole', 'lead', 'lead+joint+cooperate']);
    const units: ExamUnit[] = [];
    const items = plan.items.map((it, i) => {
      const d = deadlineInWords(rand, plan.year);
      const opening = pick(rand, ['此项工作由', '由', '该项工作由']);
      const end = pick(rand, [`${d.words}${pick(rand, DONE_VERBS)}${pick(rand, DONE_OBJECTS)}`, `${d.words}${/前$/.test(d.words) ? '' : pick(rand, ['前', ''])}完成`]);
      const sep = pick(rand, SEPARATORS);
      units.push({ item: it, due: d.due });
      return `${i + 1}．${strip(it.text)}${sep}${opening}${clauseOf(rand, it, sep)}${sep}${end}。`;
    });
    const text = `${HEAD(plan)}一、重点工作\n${items.join('\n')}\n`;
    out.push({ name: `F4 sentence clause mid-item, ${plan.name}`, bytes: Buffer.from(text), units, mode: 'sure' });
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${plan.year}年政務公開工作要點</title></head><body><div class="nav">首頁 &gt; 政務公開</div><div class="content"><h2>某地${plan.year}年政務公開工作要點</h2><p>一、重點工作</p>${items.map((p) => `<p>${toTraditional(p)}</p>`).join('')}</div></body></html>`;
    out.push({ name: `F4 + F11 sentence clause mid-item, Traditional web page, ${plan.name}`, bytes: Buffer.from(page), units, mode: 'sure' });
  }
  return out;
}

/** Who a plan's closing addresses: its groups of bodies, at every level of office. */
const ADDRESSEES = ['各区政府、市政府各部门', '各县（市、区）政府、市直各单位', '各有关处室', '各科室、各直属单位', '各镇（街道）、县直各部门', '各有关单位', '各司局、各直属单位'];

/** A closing addressed to the plan's bodies: report by a date, sometimes with where to in brackets. */
function addressedClosing(rand: Rand, y: number): string {
  const m = 6 + Math.floor(rand() * 6);
  const when = `${pick(rand, [`${y}年`, ''])}${m}月${1 + Math.floor(rand() * 28)}日前`;
  const what = pick(rand, ['工作要点落实情况', '全年工作总结', '半年工作进展']);
  const whereTo = pick(rand, ['市政务公开办', '县政府办公室', '办公厅政务公开处']);
  const bracket = pick(rand, ['', '', '（联系电话：0000-1234567）', '（市政府办公室）', '（邮箱：gongkai@example.cn）']);
  return `${pick(rand, ADDRESSEES)}${pick(rand, ['要', '要高度重视，', '务必', '请'])}于${when}将${what}报送${whereTo}${bracket}。`;
}

const CLOSINGS = [
  (y: number, rand: Rand) => addressedClosing(rand, y),
  (y: number) => `各单位要高度重视政务公开工作，主要负责同志要亲自抓，办公室牵头做好督促检查，确保各项任务于${y}年12月20日前全面完成。`,
  (y: number) => `请各责任单位于${y}年11月底前将工作落实情况报送县政府办公室。`,
  (y: number) => `以上任务由各责任单位按职责分工负责落实，年底前报送总结。\n某地人民政府办公室\n${y}年3月${1 + (y % 27)}日`,
  (y: number) => `某地政务公开工作领导小组办公室\n${y}年2月18日`,
];

/** Miss 2: the last item's bracket clause before the full stop, then an unnumbered closing paragraph with a date (F2 + F10). */
export function closingForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 10, rand() < 0.5);
    for (const layout of ['lines', 'one line', 'glued'] as const) {
      // Glued straight after the last item's clause, only a closing addressed to the bodies reads as one.
      const closing = layout === 'glued' ? addressedClosing(rand, plan.year) : pick(rand, CLOSINGS)(plan.year, rand);
      const [open, close] = pick(rand, [['（', '）'], ['(', ')'], ['〔', '〕']] as const);
      // The clause before the full stop (F2), after it (F1), or after it with no bracket (F2).
      // Or before its own deadline (`…（A牵头），11月上旬。`): the closing's date is never the item's.
      const where = pick(rand, ['before', 'before', 'after', 'bare', 'before deadline'] as const);
      const last = plan.items.length - 1;
      const dues = plan.items.map(() => deadlineInWords(rand, plan.year));
      const item = (it: PlanItem, i: number) => {
        const words =
          where === 'before' ? `${strip(it.text)}${open}${clauseOf(rand, it)}${close}。`
          : where === 'before deadline' ? `${strip(it.text)}${open}${clauseOf(rand, it)}${close}，${dues[i]!.words}。`
          : where === 'after' ? `${strip(it.text)}。${open}${clauseOf(rand, it)}${close}`
          : `${strip(it.text)}。${clauseOf(rand, it)}。`;
        return layout === 'glued' && i === last ? `${words}${where === 'after' ? '。' : ''}${closing}` : words;
      };
      const bytes = Buffer.from(sectioned(plan, item, layout === 'one line', layout === 'glued' ? '' : closing));
      const units = plan.items.map((item, i) => ({ item, due: where === 'before deadline' ? dues[i]!.due : 'none' }));
      out.push({ name: `F2 + F10 closing paragraph after the last item, ${layout}, ${where}, ${plan.name}`, bytes, units, mode: 'sure' });
    }
  }
  return out;
}

/**
 * Exam 3's misses 1–2: the clause as comma-separated parts of the item's sentence, then
 * the deadline as the last part (`…，A牵头，B配合，6月底前完成。`, `…，A负责，长期坚持。`),
 * or the clause (or a bare name) in brackets mid-sentence before `，deadline。`.
 * Names after a comma may have the text glued on only where nothing marks where they
 * start; a plan without a level prefix may flag a long name, never read it wrong.
 */
/** Times a task recurs at, set off as a deadline part: no one date. */
const RECURRING: ((rand: Rand) => string)[] = [
  (rand) => `于每月${1 + Math.floor(rand() * 20)}日前更新`,
  (rand) => `每${pick(rand, ['季度', '月', '半年'])}${pick(rand, ['更新', '公开一次', '发布'])}`,
  (rand) => `收到申请后${5 + Math.floor(rand() * 16)}个工作日内`,
  () => '及时更新',
];

export function commaPartForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const withPrefix = rand() < 0.5;
    const plan = inventedPlan(seed, 12, withPrefix, ['lead+cooperate', 'sole', 'lead', 'joint', 'lead+joint+cooperate']);
    for (const where of ['parts', 'bracket'] as const) {
      const units: ExamUnit[] = [];
      const lines = plan.items.map((it, i) => {
        const r = rand();
        // Ongoing, recurring (no one date: not checked) or dated.
        const d = r < 0.2 ? { words: pick(rand, ONGOING), due: 'ongoing' } : r < 0.35 ? { words: pick(rand, RECURRING)(rand), due: undefined } : deadlineInWords(rand, plan.year);
        const done = d.due === undefined || d.due === 'ongoing' || /前$/.test(d.words) ? d.words : `${d.words}${pick(rand, ['完成', '前完成'])}`;
        const sep = pick(rand, SEPARATORS);
        units.push({ item: it, ...(d.due ? { due: d.due } : { mayFlag: true }) });
        // A single body may stand in brackets bare (`（研究生院）`): then it alone is responsible (never bare between commas: that says nothing).
        const bare = it.sole.length === 1 && !it.lead.length && !it.joint.length && !it.cooperate.length && where === 'bracket' && rand() < 0.5;
        const clause = bare ? it.sole[0]! : clauseOf(rand, it, sep);
        const [open, close] = pick(rand, [['（', '）'], ['(', ')']] as const);
        return where === 'parts' ? `(${chinese(i + 1)})${strip(it.text)}${sep}${clause}${sep}${done}。` : `(${chinese(i + 1)})${strip(it.text)}${open}${clause}${close}${sep}${done}。`;
      });
      const bytes = Buffer.from(`${HEAD(plan)}一、重点工作\n${lines.join('\n')}\n`);
      out.push({ name: `clause as sentence parts before the deadline, ${where}, ${plan.name}`, bytes, units, mode: where === 'bracket' ? 'sure' : withPrefix ? 'sure' : 'right-or-flagged' });
    }
  }
  return out;
}

/** Titles of task lists at every level of office: the year is in them. */
const LIST_TITLES = ['政务公开工作任务清单', '政务公开重点任务分工表', '政务公开工作计划', '政务公开工作责任清单', '政务公开工作要点任务分工'];

/**
 * Exam 3's miss 5: F8, a table copied one cell per line with a `|` line between a
 * row's cells only — a row's last cell runs straight into the next row's 序号, and
 * the table's last cell has no bar after it. Task words may open with a
 * preposition and end like a place (`在…设置…专区`), deadlines may be ongoing.
 */
export function barRowForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 8 + Math.floor(rand() * 6), rand() < 0.5, ['lead+cooperate', 'sole', 'joint', 'lead']);
    const header = ['序号', pick(rand, ['工作内容', '工作任务', '重点任务']), pick(rand, ['责任科室', '责任单位', '责任部门']), pick(rand, ['完成时间', '完成时限', '时间要求'])];
    const units: ExamUnit[] = [];
    const rows = plan.items.map((it, i) => {
      const d = rand() < 0.25 ? { words: pick(rand, ONGOING), due: 'ongoing' } : deadlineInWords(rand, plan.year);
      const text = rand() < 0.25 ? `在${pick(rand, ['便民服务中心', '政务服务大厅', '门户网站'])}设置${pick(rand, ['政务公开专区', '政策咨询专区', '信息查阅点'])}` : strip(it.text);
      units.push({ item: { ...it, text }, due: d.due });
      return [String(i + 1), text, clauseOf(rand, it, '，'), d.words].join('\n|\n');
    });
    const bytes = Buffer.from(`${pick(rand, ['某街道', '某县', '某市某局'])}${plan.year}年${pick(rand, LIST_TITLES)}\n${header.join('\n|\n')}\n${rows.join('\n')}\n`);
    out.push({ name: `F8 a cell per line, | between a row's cells only, ${plan.name}`, bytes, units, mode: 'sure', year: plan.year });
  }
  return out;
}

/** Markers of the entries under an item, as offices number them. */
const SUB_MARKERS: ((k: number) => string)[] = [(k) => String.fromCharCode(0x2460 + k - 1), (k) => `(${k})`, (k) => `（${k}）`, (k) => `${k})`];

/** An item's clause in one of the places items carry it: brackets before the stop, a sentence, comma parts (not when `sure` only). */
function itemClause(rand: Rand, it: PlanItem, due?: { words: string }, sure = false): string {
  const sep = pick(rand, SEPARATORS);
  const done = due ? `${sep}${due.words}${/前$/.test(due.words) ? '' : '完成'}` : '';
  const [open, close] = pick(rand, [['（', '）'], ['(', ')']] as const);
  return pick(rand, [
    () => `${strip(it.text)}${open}${clauseOf(rand, it, sep)}${close}${done}。`,
    () => `${strip(it.text)}${sep}由${clauseOf(rand, it, sep)}${done}。`,
    ...(sure ? [] : [() => `${strip(it.text)}${sep}${clauseOf(rand, it, sep)}${done}。`]),
  ])();
}

/**
 * Exam 4's silent miss: an item with a clause of its own and entries under it
 * (①②, (1)(2), 1)2)) that carry their own clauses — the item is a task as well as
 * their heading, numbered 3 and its entries 3①, 3②. When the entries carry no
 * clause, the item's clause covers them (F6) and the item is their heading only.
 * Items numbered 1. or 1、 under 一、, or (一) with entries numbered 1. under it.
 */
export function parentItemForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    for (const entries of ['own clauses', 'covered by the item'] as const) {
      // An item's clause that covers entries is read only when its names are sure (a shared prefix); else both are flagged.
      const plan = inventedPlan(entries === 'own clauses' ? seed : seed + 1, 14, entries === 'covered by the item' || rand() < 0.6, ['lead+cooperate', 'sole', 'lead', 'joint', 'lead+joint+cooperate']);
      const itemLevel = pick(rand, ['1.', '1、', '(一)'] as const);
      const sub = itemLevel === '(一)' ? (k: number) => `${k}.` : pick(rand, SUB_MARKERS);
      const lines = [HEAD(plan), '一、重点工作'];
      const units: ExamUnit[] = [];
      let next = 0;
      for (let n = 1; next < plan.items.length; n++) {
        const parent = plan.items[next++]!;
        const count = Math.min(plan.items.length - next, Math.floor(rand() * 3));
        const parentDue = rand() < 0.4 ? deadlineInWords(rand, plan.year) : undefined;
        const marker = itemLevel === '1.' ? `${n}.` : itemLevel === '1、' ? `${n}、` : `(${chinese(n)})`;
        // A long name after a bare comma is not cut surely: an item whose clause covers its entries has it marked.
        lines.push(`${marker}${itemClause(rand, parent, parentDue, entries === 'covered by the item' && count > 0)}`);
        if (!count || entries === 'own clauses') units.push({ item: parent, due: parentDue?.due ?? 'none' });
        for (let k = 1; k <= count; k++) {
          const child = plan.items[next++]!;
          const due = rand() < 0.4 ? deadlineInWords(rand, plan.year) : undefined;
          if (entries === 'own clauses') {
            // A single body alone in brackets is the entry's only one.
            const bare = child.sole.length === 1 && rand() < 0.4;
            lines.push(`${sub(k)}${bare ? `${strip(child.text)}（${child.sole[0]}）${due ? `，${due.words}` : ''}。` : itemClause(rand, child, due)}`);
            units.push({ item: child, due: due?.due ?? 'none' });
          } else {
            lines.push(`${sub(k)}${strip(child.text)}${due ? `，${due.words}${/前$/.test(due.words) ? '' : '完成'}` : ''}。`);
            // Whether the item's deadline covers its entries too is not said: only an entry's own is checked.
            units.push({ item: { ...parent, text: child.text }, ...(due ? { due: due.due } : {}) });
          }
        }
      }
      // Without a shared prefix a name after a comma may only be flagged (as in commaPartForms).
      out.push({ name: `item with entries under it, ${entries}, items ${itemLevel}, ${plan.name}`, bytes: Buffer.from(`${lines.join('\n')}\n`), units, mode: plan.prefix ? 'sure' : 'right-or-flagged' });
    }
  }
  return out;
}

/**
 * Exams 4 and 7: items written as articles, `第一条 …`, or counted by a word, `第1项 …`, with or
 * without parts (一、) above them, a blank, a full-width blank, a colon or nothing after 条;
 * a citation of an article inside an item's words (`条例第二十条`) is never an item.
 */
export function articleForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 10 + Math.floor(rand() * 8), true, ['lead+cooperate', 'sole', 'lead', 'joint', 'lead+joint+cooperate']);
    const after = pick(rand, [' ', '　', '：', '']);
    // Articles (第一条) or items counted by a word (第1项, 第一项).
    const marker = pick(rand, [(n: number) => `第${chinese(n)}条`, (n: number) => `第${n}项`, (n: number) => `第${chinese(n)}项`]);
    const withParts = rand() < 0.4;
    const lines = [`某大学${plan.year}年${pick(rand, ['校务公开', '信息公开', '政务公开'])}工作要点`];
    const units: ExamUnit[] = [];
    plan.items.forEach((it, i) => {
      if (withParts && i % 5 === 0) lines.push(`${chinese(i / 5 + 1)}、第${chinese(i / 5 + 1)}方面工作`);
      const due = rand() < 0.5 ? deadlineInWords(rand, plan.year) : undefined;
      const cited = rand() < 0.2 ? `，依照条例第${chinese(2 + Math.floor(rand() * 30))}条规定办理` : '';
      lines.push(`${marker(i + 1)}${after}${itemClause(rand, { ...it, text: `${strip(it.text)}${cited}` }, due, true)}`);
      units.push({ item: it, due: due?.due ?? 'none' });
    });
    out.push({ name: `items as articles 第一条, ${withParts ? 'under parts, ' : ''}after 条 ${JSON.stringify(after)}, ${plan.name}`, bytes: Buffer.from(`${lines.join('\n')}\n`), units, mode: 'sure', year: plan.year });
  }
  return out;
}

/**
 * F4: an item of two sentences, each ending in the clause that covers it
 * (`…，A牵头落实；…，B牵头，C配合。`, sometimes `由A…`): both are read, each name
 * with its role. Task words may end like a name (…专区, …通报, …工作站) right before the clause.
 */
export function twoSentenceForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 24, rand() < 0.6, ['lead+cooperate', 'sole', 'lead', 'joint']);
    const units: ExamUnit[] = [];
    const lines = [HEAD(plan), '一、重点工作'];
    for (let i = 0; i + 1 < plan.items.length; i += 2) {
      const [p, q] = [plan.items[i]!, plan.items[i + 1]!];
      const names = (it: PlanItem) => [...it.lead, ...it.joint, ...it.sole, ...it.cooperate];
      if (names(p).some((n) => names(q).includes(n))) continue;
      const sep = pick(rand, SEPARATORS);
      // Task words may end like a body's name: 通报, 公报, 年报 (报), 工作站 (站) (exam 10).
      const words = (it: PlanItem) => (rand() < 0.25 ? `${pick(rand, ['公开', '编制', '发布'])}${pick(rand, ['监测通报', '统计公报', '工作简报', '信用信息年报', '便民服务站名单', '检查情况通报'])}` : strip(it.text));
      const sentence = (it: PlanItem) => `${words(it)}${sep}${rand() < 0.3 ? '由' : ''}${clauseOf(rand, it, sep)}`;
      lines.push(`${units.length + 1}.${sentence(p)}${pick(rand, ['；', ';'])}${sentence(q)}。`);
      const both: PlanItem = { text: '', lead: [...p.lead, ...q.lead], joint: [...p.joint, ...q.joint], sole: [...p.sole, ...q.sole], cooperate: [...p.cooperate, ...q.cooperate], scoped: [] };
      units.push({ item: both, due: 'none' });
    }
    // Without a shared prefix a name after a comma may only be flagged (as in commaPartForms).
    out.push({ name: `two sentences each with its clause, ${plan.name}`, bytes: Buffer.from(`${lines.join('\n')}\n`), units, mode: plan.prefix ? 'sure' : 'right-or-flagged' });
  }
  return out;
}

/**
 * F8 as Word or Excel copy it into text: a row a line, cells separated by tabs, a
 * merged cell empty in the rows below its first (`⇥⇥`), empty 配合 cells, the
 * header whole or missing; sometimes a title and a closing line around it.
 */
export function tabTableForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 6 + Math.floor(rand() * 10), rand() < 0.6, ['lead+cooperate', 'lead', 'sole', 'joint']);
    const split = rand() < 0.5;
    const header = ['序号', pick(rand, ['重点任务', '工作任务']), pick(rand, ['具体任务', '工作措施', '细化分工']), ...(split ? ['牵头单位', '配合单位'] : [pick(rand, ['责任单位', '责任科室', '责任部门'])]), pick(rand, ['完成时限', '时间要求']), ...(rand() < 0.5 ? ['备注'] : [])];
    for (const headerKind of ['whole', 'none'] as const) {
      const units: ExamUnit[] = [];
      let groupLeft = 0;
      let group = 0;
      const rows = plan.items.map((it, i) => {
        const due = rand() < 0.2 ? { words: pick(rand, ONGOING), due: 'ongoing' } : deadlineInWords(rand, plan.year);
        let groupCell = '';
        if (groupLeft === 0) {
          group++;
          groupLeft = 1 + Math.floor(rand() * 3);
          groupCell = `${chinese(group)}是${pick(rand, ['推进', '深化', '做好'])}${pick(rand, ['决策公开', '执行公开', '服务公开', '结果公开'])}`;
        }
        groupLeft--;
        const roles = split ? [[...it.lead, ...it.sole, ...it.joint].join('、'), it.cooperate.join('、')] : [clauseOf(rand, it, '，')];
        units.push({ item: split ? { ...it, lead: [...it.lead, ...it.sole, ...it.joint], sole: [], joint: [] } : it, due: due.due });
        return [String(i + 1), groupCell, strip(it.text), ...roles, due.words, ...(header.length > 5 + (split ? 1 : 0) ? [''] : [])].join('\t');
      });
      const head = headerKind === 'whole' ? [header.join('\t')] : [];
      const bytes = Buffer.from(`某地${plan.year}年政务公开重点任务分工表\n${[...head, ...rows].join('\n')}\n`);
      // Split 牵头/配合 columns without their header: which one leads cannot be known, only flagged.
      out.push({ name: `F8 tab-separated rows, header ${headerKind}, ${split ? 'split role columns' : 'one clause column'}, ${plan.name}`, bytes, units, mode: split && headerKind === 'none' ? 'right-or-flagged' : 'sure', year: plan.year });
    }
  }
  return out;
}

/**
 * Exam 5: a part's heading as a row of a table copied as text (`| 二、加强平台建设 | | | |`,
 * or a tab row) between task rows, some of which have lost their 责任 cell to a span:
 * a heading, never a task with the bodies of the row above.
 */
export function sectionRowForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 8 + Math.floor(rand() * 6), true, ['lead+cooperate', 'lead', 'sole', 'joint']);
    for (const sep of ['pipe', 'tab'] as const) {
      const join = (cells: string[]) => (sep === 'pipe' ? `| ${cells.join(' | ')} |` : cells.join('\t'));
      const withHeader = rand() < 0.5;
      const units: ExamUnit[] = [];
      const lines: string[] = withHeader ? [join(['序号', '工作任务', '责任单位', '完成时限'])] : [];
      let part = 1;
      let above: PlanItem | undefined;
      plan.items.forEach((source, i) => {
        if (i > 0 && rand() < 0.3) lines.push(join([`${chinese(++part)}、${pick(rand, ['加强平台建设', '深化重点领域公开', '强化政策解读', '规范依申请公开'])}`, '', '', '']));
        const due = deadlineInWords(rand, plan.year);
        // A row whose 责任 cell a span took (pipe copies drop it): the row above's bodies.
        const spanned = sep === 'pipe' && !!above && rand() < 0.2;
        const it = spanned ? { ...above!, text: source.text } : source;
        lines.push(join(spanned ? [String(i + 1), strip(it.text), due.words] : [String(i + 1), strip(it.text), clauseOf(rand, it, '，'), due.words]));
        units.push({ item: it, due: due.due });
        above = it;
      });
      out.push({ name: `a part's heading as a table row, ${sep}${withHeader ? ', header' : ''}, ${plan.name}`, bytes: Buffer.from(`某地${plan.year}年政务公开重点任务分工表\n${lines.join('\n')}\n`), units, mode: 'sure' });
    }
  }
  return out;
}

/** A web page's metadata panel above a notice copied from it (F12), numbered like items or not. */
const PAGE_PANELS: ((y: number, rand: Rand) => string)[] = [
  (y) => `1. 发布机构：某某办公室\n2. 主题分类：政务公开\n3. 发布日期：${y}-04-02`,
  () => '【主题分类】 1. 综合政务 2. 政务公开',
  (y, rand) => `索引号：000014349/${y}-00${10 + Math.floor(rand() * 80)}\t主题分类：政务公开\n发文机关：某某办公厅\t成文日期：${y}年03月${10 + Math.floor(rand() * 18)}日`,
  (y) => `1. [主题分类] 综合政务\n2. [发布日期] ${y}-03-18`,
  () => '1.体裁分类：计划总结 2.组配分类：政务公开 3.服务对象：社会公众',
];

/**
 * Exam 5: page chrome above the plan (F12) — a breadcrumb, a metadata panel whose
 * fields are numbered like items (`1. 发布机构：…`, `【主题分类】 1. 综合政务`), the cover
 * notice — then the plan, its year in its title; a footer (`阅读次数：…`) below.
 */
export function pageChromeForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 6 + Math.floor(rand() * 6), true, ['lead+cooperate', 'lead', 'sole', 'joint']);
    const panel = pick(rand, PAGE_PANELS)(plan.year, rand);
    const cover = rand() < 0.5 ? `某某办公室关于印发《${plan.year}年政务公开工作要点》的通知\n各有关单位：\n现将《${plan.year}年政务公开工作要点》印发给你们，请认真贯彻落实。\n某某办公室\n${plan.year}年3月${1 + Math.floor(rand() * 27)}日\n` : '';
    const units: ExamUnit[] = [];
    const items = plan.items.map((it, i) => {
      const due = rand() < 0.5 ? deadlineInWords(rand, plan.year) : undefined;
      units.push({ item: it, due: due?.due ?? 'none' });
      return `${i + 1}.${strip(it.text)}${due ? `，${due.words}${/前$/.test(due.words) ? '' : '完成'}` : ''}（${clauseOf(rand, it)}）。`;
    });
    const footer = pick(rand, ['', '\n阅读次数：1024', '\n【打印本页】【关闭窗口】']);
    const text = `当前位置：首页 > 信息公开 > 政务公开\n${panel}\n${cover}${plan.year}年政务公开工作要点\n一、重点工作\n${items.join('\n')}${footer}\n`;
    out.push({ name: `page chrome: a metadata panel numbered like items, ${plan.name}`, bytes: Buffer.from(text), units, mode: 'sure', year: plan.year });
  }
  return out;
}

/**
 * Exam 5: wordings of roles a new office uses — labels after a dash (`。——责任：A；时限：…`),
 * labels in 【】 with no colon (`【牵头单位】A【配合单位】B【完成时限】…`), a role word in
 * brackets after a name (`A（牵头），B（配合）`), parts joined by 、 after a role word
 * (`（A牵头、B配合）`), 主办/协办, labels said with 为 (`（A为责任单位）`, `（责任单位为A）`),
 * `由A会同B、C组织实施` (no 牵头 written: A's, B and C cooperating), and `，A会B办理，`.
 */
export function roleWordingForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 12, true, ['lead+cooperate', 'sole', 'joint']);
    const units: ExamUnit[] = [];
    const lines = plan.items.map((it, i) => {
      const due = rand() < 0.5 ? deadlineInWords(rand, plan.year) : undefined;
      const text = strip(it.text);
      const [a, ...rest] = [...it.lead, ...it.sole, ...it.joint];
      const helpers = it.cooperate.join('、');
      const dueLabel = (label: string) => (due ? `${label}${due.words}` : '');
      let line: string;
      let want: PlanItem = it;
      if (it.lead.length) {
        const form = Math.floor(rand() * 7);
        if (form === 0) line = `${text}。——牵头：${a}；配合：${helpers}${dueLabel('；时限：')}`;
        else if (form === 1) line = `${text}【牵头单位】${a}【配合单位】${helpers}${dueLabel('【完成时限】')}`;
        else if (form === 2) line = `${text}。——责任：${a}（牵头），${helpers}（配合）${dueLabel('；时限：')}`;
        else if (form === 3) line = `${text}（${rand() < 0.5 ? `${a}牵头、${helpers}配合` : `${a}主办，${helpers}协办`}）${due ? `，${due.words}` : ''}。`;
        // The older `A会B` (A leads, consulting B) as a part of the sentence, an action after it (委会 reads as 委员会: not so).
        // `（A负责，B、C按职责分工配合）`: A's own task (sole), the others cooperating.
        else if (form === 6) {
          line = `${text}（${a}负责，${helpers}${pick(rand, ['按职责分工配合', '按职能配合', '配合'])}）${due ? `，${due.words}` : ''}。`;
          want = { ...it, lead: [], sole: [a!] };
        } else if (form === 5 && it.cooperate.length === 1 && !/委$/.test(a!)) line = `${text}，${a}会${helpers}${pick(rand, ['办理', '落实', ''])}${due ? `，${due.words}` : ''}。`;
        else {
          line = `${text}，由${a}会同${helpers}${pick(rand, ['组织实施', '办理', '共同推进', '落实'])}${due ? `，${due.words}` : ''}。`;
          want = { ...it, lead: [], sole: [a!] };
        }
      } else {
        const names = [a!, ...rest].join('、');
        const r = rand();
        if (r < 0.15) {
          // `，由A具体负责。` (one body); a bare list in brackets with commas `（A，B）` (several), then what is done by a date.
          line = rest.length ? `${text}（${[a!, ...rest].join('，')}）${due ? `，${due.words}${/前$/.test(due.words) ? '' : '完成'}${pick(rand, ['', '年度评估', '公示'])}` : ''}。` : `${text}，由${a}${pick(rand, ['具体负责', '负责落实', '具体落实'])}${due ? `，${due.words}` : ''}。`;
        } else if (r < 0.35) line = `${text}。——责任：${names}${dueLabel('；时限：')}`;
        else if (r < 0.7) line = `${text}【${pick(rand, ['责任科室', '责任单位', '责任部门'])}】${names}${dueLabel('【完成时间】')}`;
        // A label said with 为, in brackets: （A为责任单位）, （责任单位为A）.
        else line = `${text}（${rand() < 0.5 ? `${names}为${pick(rand, ['责任单位', '责任部门'])}` : `${pick(rand, ['责任单位', '责任部门'])}为${names}`}）${due ? `，${due.words}` : ''}。`;
      }
      units.push({ item: want, due: due?.due ?? 'none' });
      return `${i + 1}.${line}`;
    });
    out.push({ name: `role wordings: dash labels, 【】 labels, (牵头) after a name, 、 after a role, 会同, ${plan.name}`, bytes: Buffer.from(`${HEAD(plan)}一、重点工作\n${lines.join('\n')}\n`), units, mode: 'sure' });
  }
  return out;
}

/**
 * Exam 5: a sentence under a run of items that gives them a clause by their numbers
 * (`上述第（四）至（六）项由A牵头，B配合，第三季度完成。`, `以上第5、6项工作由A负责。`):
 * each item it names without a clause of its own takes it, and its deadline where the item has none.
 */
export function rangeRuleForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 12, true, ['lead+cooperate', 'sole', 'lead', 'joint']);
    const chineseItems = rand() < 0.5;
    const label = (n: number) => (chineseItems ? `(${chinese(n)})` : `${n}.`);
    const named = (n: number) => (chineseItems ? pick(rand, [`（${chinese(n)}）`, `第（${chinese(n)}）`, `(${chinese(n)})`]) : pick(rand, [`${n}`, `第${n}`]));
    const units: ExamUnit[] = [];
    const lines = [HEAD(plan), '一、重点工作'];
    let n = 0;
    for (let i = 0; i < plan.items.length; ) {
      // Items the rule names, then one with a clause of its own (whose roles the rule borrows).
      const run = Math.min(plan.items.length - i, 2 + Math.floor(rand() * 3));
      if (run < 2) break;
      const rule = plan.items[i + run - 1]!;
      const due = rand() < 0.6 ? deadlineInWords(rand, plan.year) : undefined;
      const first = n + 1;
      for (let k = 0; k < run - 1; k++) {
        const it = plan.items[i + k]!;
        n++;
        lines.push(`${label(n)}${strip(it.text)}。`);
        units.push({ item: { ...rule, text: it.text }, due: due?.due ?? 'none' });
      }
      const last = n;
      const span = last - first === 1 && rand() < 0.5 ? `${named(first)}、${named(last)}项` : `${named(first)}${pick(rand, ['至', '到', '—'])}${named(last)}项`;
      lines.push(`${pick(rand, ['上述', '以上', ''])}${span}${pick(rand, ['', '工作', '任务'])}${pick(rand, ['', '，'])}由${clauseOf(rand, rule)}${due ? `，${due.words}${/前$/.test(due.words) ? '' : '完成'}` : ''}。`);
      // An item after the rule with its own clause is untouched by it.
      const own = plan.items[i + run - 1]!;
      n++;
      lines.push(`${label(n)}${strip(own.text)}（${clauseOf(rand, own)}）。`);
      units.push({ item: own, due: 'none' });
      i += run;
    }
    out.push({ name: `a sentence giving items a clause by their numbers, ${chineseItems ? '(一)' : '1.'}, ${plan.name}`, bytes: Buffer.from(`${lines.join('\n')}\n`), units, mode: 'sure' });
  }
  return out;
}

/**
 * Exam 4: a body's name glued to the text's end with no role word, then the deadline
 * (`…重大行政决策事项目录区司法局，4月上旬前完成。`) — sure when the notice names that
 * body in a clause elsewhere; a name after 报送/向 is what the task is done to, never read so.
 */
export function bareGluedNameForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 12, true, ['lead+cooperate', 'sole', 'joint']);
    const units: ExamUnit[] = [];
    const known = new Set<string>();
    const lines = plan.items.map((it, i) => {
      const names = [...it.lead, ...it.sole, ...it.joint, ...it.cooperate];
      const due = deadlineInWords(rand, plan.year);
      const done = `${due.words}${/前$/.test(due.words) ? '' : '完成'}`;
      if (it.sole.length === 1 && known.has(it.sole[0]!)) {
        units.push({ item: it, due: due.due });
        return `(${chinese(i + 1)})${strip(it.text)}${it.sole[0]}，${done}。`;
      }
      names.forEach((n) => known.add(n));
      units.push({ item: it, due: due.due });
      return `(${chinese(i + 1)})${strip(it.text)}（${clauseOf(rand, it)}），${done}。`;
    });
    out.push({ name: `a known name glued before the deadline, ${plan.name}`, bytes: Buffer.from(`${HEAD(plan)}一、重点工作\n${lines.join('\n')}\n`), units, mode: 'sure' });
  }
  return out;
}

/**
 * Exam 6: a header on two rows — 责任单位 spanning 牵头单位 and 配合单位 below it, the
 * other header cells spanning both rows — in a web page's table and in pipe text. The
 * names under 牵头单位 lead (several: co-leads), those under 配合单位 cooperate; in the
 * page, a cell's names may stand a line each.
 */
export function twoRowHeaderForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 5 + Math.floor(rand() * 6), rand() < 0.5, ['lead+cooperate', 'lead', 'sole', 'joint', 'two leads']);
    const group = pick(rand, ['责任单位', '责任分工', '责任部门']);
    const [leadWord, helpWord] = pick(rand, [['牵头单位', '配合单位'], ['牵头部门', '协同部门'], ['牵头处室', '配合处室']] as const);
    const units: ExamUnit[] = [];
    const rows = plan.items.map((it, i) => {
      const due = deadlineInWords(rand, plan.year);
      const leads = [...it.lead, ...it.sole, ...it.joint];
      units.push({ item: { ...it, lead: leads, sole: [], joint: [] }, due: due.due });
      return [String(i + 1), strip(it.text), leads.join('、'), it.cooperate.join('、'), due.words];
    });
    const title = `某地${plan.year}年政务公开重点任务分工表`;
    // In the page, several names in a cell may stand a line each (<br>), as a Word cell's paragraphs or Excel's Alt+Enter do.
    const cell = (c: string) => (c ? (rand() < 0.5 ? c.split('、').join('<br>') : c) : '&nbsp;');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h2>${title}</h2><table border="1"><tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th><th colspan="2">${group}</th><th rowspan="2">完成时限</th></tr><tr><th>${leadWord}</th><th>${helpWord}</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
    out.push({ name: `two-row header, web page table, ${plan.name}`, bytes: Buffer.from(html), units, mode: 'sure', year: plan.year });
    const pipes = [`| 序号 | 工作任务 | ${group} | | 完成时限 |`, `| | | ${leadWord} | ${helpWord} | |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
    out.push({ name: `two-row header, pipe text, ${plan.name}`, bytes: Buffer.from(`${title}\n${pipes.join('\n')}\n`), units, mode: 'sure', year: plan.year });
  }
  return out;
}

/** Exam 7: the clause before the task's words, set off by a colon (`由A牵头：公开…`, `A牵头，B配合：公开…，5月中旬前完成。`). */
export function leadingClauseForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 10, rand() < 0.6, ['lead+cooperate', 'sole', 'lead', 'joint', 'lead+joint+cooperate']);
    const units: ExamUnit[] = [];
    const lines = plan.items.map((it, i) => {
      const due = rand() < 0.5 ? deadlineInWords(rand, plan.year) : undefined;
      units.push({ item: it, due: due?.due ?? 'none' });
      return `${i + 1}.${pick(rand, ['由', ''])}${clauseOf(rand, it)}${pick(rand, ['：', ':'])}${strip(it.text)}${due ? `，${due.words}${/前$/.test(due.words) ? '' : '完成'}` : ''}。`;
    });
    out.push({ name: `the clause before the task's words, ${plan.name}`, bytes: Buffer.from(`${HEAD(plan)}一、重点工作\n${lines.join('\n')}\n`), units, mode: 'sure' });
  }
  return out;
}

/** Words an item may open with that start with a number: a count, a share, a hotline, a network, a time limit. */
function numberOpening(rand: Rand, year: number): string {
  const digits = (n: number) => String(1 + Math.floor(rand() * (10 ** n - 1)));
  return pick(rand, [
    () => `${digits(2)}${pick(rand, ['%以上', '％以上', '个以上', '项'])}`,
    () => `${digits(2)}.${digits(1)}${pick(rand, ['%', '万件', '亿元'])}`,
    () => `${1 + Math.floor(rand() * 9)}${digits(4)}${pick(rand, ['热线', '平台', '专线'])}`,
    () => `${1 + Math.floor(rand() * 9)}G${pick(rand, ['网络', '基站'])}`,
    () => `${digits(2)}${pick(rand, ['小时内', '个工作日内', '日内'])}`,
    () => `${year - 1}年度`,
  ])();
}

/**
 * Exam 11's silent miss: items whose words open with a number (`3.95%以上…`, `1.12345热线…`,
 * `2、5G…`), so the marker reads like a decimal. Each is its item — first, middle or last,
 * under 一、 or not, numbered 1. 1、 1． — and a decimal inside an item's words stays text.
 */
export function numberOpenedForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 8 + Math.floor(rand() * 6), rand() < 0.5, ['lead+cooperate', 'sole', 'lead', 'joint']);
    const after = pick(rand, ['.', '．', '、']);
    const sections = rand() < 0.5;
    const lines = [HEAD(plan)];
    const units: ExamUnit[] = [];
    plan.items.forEach((it, i) => {
      if (sections && i % 4 === 0) lines.push(`${chinese(i / 4 + 1)}、第${chinese(i / 4 + 1)}方面重点工作`);
      const number = sections ? (i % 4) + 1 : i + 1;
      // The first item, and others at random, open with a number; some carry a decimal inside too.
      const opened = i === 0 || rand() < 0.5 ? `${numberOpening(rand, plan.year)}${strip(it.text)}` : strip(it.text);
      const inside = rand() < 0.3 ? `，覆盖率达到${1 + Math.floor(rand() * 98)}.${Math.floor(rand() * 10)}%` : '';
      const item = { ...it, text: `${opened}${inside}` };
      lines.push(`${number}${after}${itemClause(rand, item, undefined, true)}`);
      units.push({ item: it });
    });
    out.push({ name: `items whose words open with a number, after ${JSON.stringify(after)}${sections ? ', under parts' : ''}, ${plan.name}`, bytes: Buffer.from(`${lines.join('\n')}\n`), units, mode: 'sure' });
  }
  return out;
}

/** Who signs a plan, and the words its title ends in. */
const SIGNERS = ['人民政府办公室', '审计局办公室', '自然资源厅办公室', '住房和城乡建设局', '政务公开工作领导小组办公室', '党政办公室'];
const TITLE_ENDS = ['政务公开工作要点', '政务公开工作实施方案', '政务公开重点任务分工', '信息公开工作要点', '政务公开工作任务清单', '政务公开工作安排'];
/** A blank as a flattened page keeps it: a space or two, or the paragraph's ideographic indent. */
const FLAT_BLANKS = [' ', '  ', '\u3000\u3000', ' \u3000\u3000'];
const place = (rand: Rand) => `${pick(rand, ['桐', '澜', '沅', '岚', '枫', '泓'])}${pick(rand, ['江', '山', '川', '安'])}${pick(rand, ['市', '县', '区'])}`;

/** A preamble's first sentence as plans open it: 根据《…》, 为…, 按照…, a 《》, or the year's words after an indent. */
function preambleOf(rand: Rand, year: number): { words: string; opensWithWord: boolean } {
  const quoted = `《${pick(rand, ['某省', '国务院办公厅', '某市'])}${year}年政务公开工作要点》`;
  return pick(rand, [
    () => ({ words: `根据${quoted}，结合实际，制定本要点。`, opensWithWord: true }),
    () => ({ words: `为做好${year}年政务公开工作，制定本要点。`, opensWithWord: true }),
    () => ({ words: `按照${quoted}要求，现将有关工作安排如下：`, opensWithWord: true }),
    () => ({ words: `${quoted}印发后，结合我${pick(rand, ['市', '局', '区'])}实际，提出如下工作要点：`, opensWithWord: true }),
    () => ({ words: `${year}年全${pick(rand, ['区', '市', '县'])}政务公开工作要以新思想为指导，提出如下工作要点：`, opensWithWord: false }),
    // No preamble: the body follows the title.
    () => ({ words: '', opensWithWord: false }),
  ])();
}

/**
 * Exam 12: a notice copied onto one line (a web page flattened): its title (a breadcrumb before it or not),
 * then the preamble's first sentence (根据《…》, 为…, 按照…, a 《》, words after an indent, or none), then its parts and items. The title is
 * the words before the preamble, year and all — never the 《》 the preamble quotes, never lost.
 */
export function flattenedTitleForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 4 + Math.floor(rand() * 5), true, ['lead+cooperate', 'sole', 'lead', 'joint']);
    const title = `${place(rand)}${pick(rand, ['', '审计局', '教育局'])}${plan.year}年${pick(rand, TITLE_ENDS)}`;
    const preamble = preambleOf(rand, plan.year);
    const blank = pick(rand, FLAT_BLANKS);
    // A preamble that opens with a word may be glued to the title (the page lost its line break and blank).
    const afterTitle = preamble.opensWithWord && rand() < 0.3 ? '' : blank;
    // The page's breadcrumb may stand before the title (never the title itself).
    const chrome = rand() < 0.3 ? `首页 >> 政务公开 >> 计划总结${blank}` : '';
    const words = [`${chrome}${title}${preamble.words ? `${afterTitle}${preamble.words}` : ''}`];
    plan.items.forEach((it, i) => {
      if (i % 3 === 0) words.push(`${chinese(i / 3 + 1)}、第${chinese(i / 3 + 1)}方面重点工作`);
      words.push(`${(i % 3) + 1}${pick(rand, ['．', '.', '、'])}${itemClause(rand, it, undefined, true)}`);
    });
    const units = plan.items.map((item) => ({ item }));
    out.push({ name: `flattened onto one line: the title before ${preamble.words ? `the preamble, ${JSON.stringify(preamble.words.slice(0, 4))}` : 'the body'}${chrome ? ', after a breadcrumb' : ''}, ${plan.name}`, bytes: Buffer.from(`${words.join(blank)}\n`), units, mode: 'sure', year: plan.year, title });
  }
  return out;
}

/**
 * Exam 12: items numbered ① ② (or (1) (2)) under parts 一、, in a copy flattened onto one line (or a line to
 * each part): each is an item, set off by a full stop or a blank, numbered on across parts (③ under 二、) or
 * restarting in each.
 */
export function flattenedCircledForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 5 + Math.floor(rand() * 6), true, ['lead+cooperate', 'sole', 'lead', 'joint']);
    const marks = pick(rand, ['circled on', 'circled restarting', '(1) restarting'] as const);
    const perPart = 2 + Math.floor(rand() * 2);
    const blank = pick(rand, FLAT_BLANKS);
    // All on one line, or a line to each part (its items run on after its heading).
    const lineEach = rand() < 0.3;
    const words = [`某大学${plan.year}年信息公开工作要点${blank}为做好${plan.year}年信息公开工作，制定本要点。`];
    plan.items.forEach((it, i) => {
      if (i % perPart === 0) words.push(`${lineEach ? '\n' : ''}${chinese(i / perPart + 1)}、第${chinese(i / perPart + 1)}方面重点工作`);
      const n = marks === 'circled on' ? i : i % perPart;
      const mark = marks === '(1) restarting' ? pick(rand, [`(${n + 1})`, `（${n + 1}）`]) : CIRCLED[n]!;
      words.push(`${mark}${itemClause(rand, it, undefined, true)}`);
    });
    const units = plan.items.map((item) => ({ item }));
    out.push({ name: `flattened onto ${lineEach ? 'a line to each part' : 'one line'}: items ${marks} under parts, ${plan.name}`, bytes: Buffer.from(`${words.join(blank)}\n`), units, mode: 'sure', year: plan.year });
  }
  return out;
}

/**
 * Exam 12: the signature (落款) after the body — the issuer's name, then the date on its own line, or both
 * on one line (`某局办公室　　2019年1月10日印发`), or in a copy flattened onto one line — after a closing
 * remark or straight after the last item. The notice has no cover letter, so only the closing names them.
 */
export function closingSignatureForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 4 + Math.floor(rand() * 5), true, ['lead+cooperate', 'sole', 'lead', 'joint']);
    const issuer = `${place(rand)}${pick(rand, SIGNERS)}`;
    const [month, day] = [1 + Math.floor(rand() * 4), 1 + Math.floor(rand() * 28)];
    // Arabic digits, full-width (２０２１年３月５日), or Chinese numerals as a formal signature writes them (二〇二一年三月五日).
    const digits = pick(rand, ['arabic', 'arabic', 'full-width', 'chinese'] as const);
    const arabic = `${plan.year}年${month}月${day}日`;
    const date =
      digits === 'chinese' ? `${[...String(plan.year)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('')}年${chinese(month)}月${chinese(day)}日`
      : digits === 'full-width' ? arabic.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      : arabic;
    const layout = pick(rand, ['lines', 'one line', 'print note', 'flattened'] as const);
    const remark = rand() < 0.4 ? `各单位要高度重视，确保各项任务按时完成。${layout === 'flattened' ? ' ' : '\n'}` : '';
    // A print note (版记) may follow the signature, dated a day later: the signature's date is the notice's.
    const printNote = layout !== 'print note' && layout !== 'flattened' && rand() < 0.3 ? `\n抄送：${place(rand)}委办公室。\n${issuer}\u3000\u3000${plan.year}年${month}月${day + 1}日印发` : '';
    const signature = `${layout === 'lines' ? `${issuer}\n${date}` : layout === 'one line' ? `${issuer}\u3000\u3000${date}` : layout === 'print note' ? `${issuer}\u3000\u3000${date}印发` : `${issuer} ${date}`}${printNote}`;
    const lines = [`某地${plan.year}年政务公开工作要点`, '一、重点工作'];
    plan.items.forEach((it, i) => lines.push(`${i + 1}．${itemClause(rand, it, undefined, true)}`));
    const body = layout === 'flattened' ? `${lines.join(' ')} ${remark}${signature}` : `${lines.join('\n')}\n\n${remark}${signature}`;
    const units = plan.items.map((item) => ({ item }));
    out.push({ name: `closing signature after the body, ${layout}, ${digits} digits${remark ? ', after a remark' : ''}${printNote ? ', a print note after it' : ''}, ${plan.name}`, bytes: Buffer.from(`${body}\n`), units, mode: 'sure', year: plan.year, issuer, issuedOn: `${plan.year}-${pad(month)}-${pad(day)}` });
  }
  return out;
}

/** Lines as pdftotext wraps a page's text: about a count of characters each, never inside a number (Word keeps 12 whole). */
function wrapped(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let end = Math.min(i + width, chars.length);
    while (end < chars.length && /\d/.test(chars[end]!) && /\d/.test(chars[end - 1]!)) end++;
    out.push(chars.slice(i, end).join(''));
    i = end;
  }
  return out;
}

/**
 * Exam 13's silent errors: text made from a PDF by pdftotext keeps each page's furniture — a
 * form feed, a page number (—1—, - 2 -, 第 3 页, 3/12) and a running header (the issuer, `XX文件`) at
 * every page's top, sometimes a running footer. A page may break right after an item's clause
 * (the header was read as the clause) or in the middle of its words (the header landed in them).
 */
export function pageFurnitureForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    for (const formFeed of [true, false]) {
      const rand = random(seed * 13 + (formFeed ? 1 : 2));
      const plan = inventedPlan(seed, 6 + Math.floor(rand() * 5), rand() < 0.5, ['lead+cooperate', 'sole', 'joint', 'lead']);
      const issuer = `某某${pick(rand, ['市', '县', '区'])}${pick(rand, ['医疗保障局', '审计局', '商务局', '粮食和物资储备局'])}`;
      // Without form feeds only a header that names the document's issuer is known for one.
      const header = formFeed ? pick(rand, [issuer, `${issuer}文件`, `${plan.year}年政务公开工作要点`]) : issuer;
      const footer = formFeed && rand() < 0.4 ? pick(rand, [`${issuer}办公室印发`, '内部资料 注意保存']) : '';
      const total = 2 + Math.floor(plan.items.length / 2);
      const pageNumber = pick(rand, [(n: number) => `—${n}—`, (n: number) => `- ${n} -`, (n: number) => `第 ${n} 页`, (n: number) => `${n}/${total}`]);
      const width = 28 + Math.floor(rand() * 6);
      const body: string[] = [`${issuer}${plan.year}年政务公开工作要点`, `为做好${plan.year}年政务公开工作，制定本要点。`, '一、重点工作'];
      const units: ExamUnit[] = [];
      plan.items.forEach((it, i) => {
        const due = rand() < 0.5 ? deadlineInWords(rand, plan.year) : undefined;
        units.push({ item: it, due: due?.due ?? 'none' });
        body.push(...wrapped(`${i + 1}.${strip(it.text)}，坚持以公开为常态、不公开为例外，推动政策措施落地见效${due ? `，${due.words}${/前$/.test(due.words) ? '' : '完成'}` : ''}（${clauseOf(rand, it)}）。`, width));
      });
      // Pages break after a clause and inside an item's words, at random.
      const lines: string[] = [`${' '.repeat(12)}${header}`, '', ''];
      let page = 1;
      body.forEach((line, i) => {
        lines.push(line);
        if (i > 2 && i < body.length - 1 && rand() < 0.25 && page < total) {
          lines.push('', '', ...(footer ? [footer] : []), `${' '.repeat(14)}${pageNumber(page)}`);
          page++;
          lines.push(`${formFeed ? '\f' : ''}${' '.repeat(12)}${header}`, '', '');
        }
      });
      lines.push('', ...(footer ? [footer] : []), `${' '.repeat(14)}${pageNumber(page)}`, formFeed ? '\f' : '');
      out.push({ name: `page furniture of a PDF's text${formFeed ? '' : ' without form feeds'}, header 「${header}」, ${plan.name}`, bytes: Buffer.from(lines.join('\n')), units, mode: 'sure', year: plan.year });
    }
  }
  return out;
}

/** A cell's words in lines of a column's width, as the PDF wrapped them (never inside a number). */
function cellLines(text: string, width: number): string[] {
  return text ? wrapped(text, width) : [];
}

/**
 * Exam 13's S1: a task table through `pdftotext -layout` — columns laid out with spaces (one
 * space only where a cell fills its column), each cell wrapped over many lines, header words
 * centred in their cells and repeated at each page's top, each page laid out anew (the columns
 * move), a row broken over a page, parts (一、) spanning the table (at the margin or centred), a running header and a page
 * number on every page. Every row is read, with its roles and deadline.
 */
export function layoutTableForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    for (const parts of [true, false]) {
      const rand = random(seed * 17 + (parts ? 3 : 4));
      const plan = inventedPlan(seed, 5 + Math.floor(rand() * 4), rand() < 0.5, ['lead+cooperate', 'sole', 'joint', 'lead']);
      const issuer = `某某${pick(rand, ['市', '县'])}${pick(rand, ['商务局', '交通运输局', '审计局'])}`;
      const heads = ['序号', '重点任务', pick(rand, ['具体内容', '工作措施']), pick(rand, ['责任单位', '责任处室']), pick(rand, ['完成时限', '时间要求'])];
      const widths = [4, 6, 6 + Math.floor(rand() * 3), 6 + Math.floor(rand() * 3), 6 + Math.floor(rand() * 2)];
      const units: ExamUnit[] = [];
      // Rows as lines of cells; a part's heading is a line of its own.
      const rows: ({ part: string } | { cells: string[][] })[] = [];
      plan.items.forEach((it, i) => {
        if (parts && i % 3 === 0) rows.push({ part: `${chinese(i / 3 + 1)}、第${chinese(i / 3 + 1)}方面重点工作` });
        const due = deadlineInWords(rand, plan.year);
        units.push({ item: it, due: due.due });
        const task = strip(it.text);
        const detail = `${task}，坚持以公开为常态、不公开为例外，推动政策措施落地见效。`;
        const cells = [String(i + 1), task.slice(0, 4 + Math.floor(rand() * 8)), detail, clauseOf(rand, it, '，'), due.words].map((c, k) => (k ? cellLines(c, widths[k]!) : [c]));
        rows.push({ cells });
      });
      // Pages of about 24 lines: each page's columns start anew (gaps of 1 to 4 spaces), its header centred over them.
      const lines: string[] = [`${' '.repeat(14)}${issuer}文件`, '', `${issuer}${plan.year}年政务公开工作任务分工`];
      let page = 1;
      let starts: number[] = [];
      const layout = () => {
        starts = [0];
        for (let k = 1; k < widths.length; k++) starts.push(starts[k - 1]! + widths[k - 1]! + 1 + Math.floor(rand() * 4));
        const header = starts.map((at, k) => ' '.repeat(Math.max(0, at + Math.floor((widths[k]! - heads[k]!.length) / 2)))).map((pad, k) => ({ pad, word: heads[k]! }));
        let line = '';
        for (const { pad, word } of header) line = `${line}${' '.repeat(Math.max(line ? 1 : 0, pad.length - [...line].length))}${word}`;
        return line;
      };
      lines.push(layout());
      let onPage = 0;
      const put = (line: string) => {
        lines.push(line);
        if (++onPage < 24) return;
        lines.push('', '', `${' '.repeat(16)}—${page++}—`, `\f${' '.repeat(14)}${issuer}文件`, '', '');
        lines.push(layout());
        onPage = 0;
      };
      for (const row of rows) {
        if ('part' in row) {
          // At the margin, or centred across the table.
          put(`${' '.repeat(pick(rand, [0, 0, 6 + Math.floor(rand() * 10)]))}${row.part}`);
          continue;
        }
        const height = Math.max(...row.cells.map((c) => c.length));
        for (let l = 0; l < height; l++) {
          let line = '';
          row.cells.forEach((cell, k) => {
            const words = cell[l] ?? '';
            if (!words) return;
            line = `${line}${' '.repeat(Math.max(line ? 1 : 0, starts[k]! - [...line].length))}${words}`;
          });
          put(line);
        }
      }
      lines.push('', `抄送：${issuer}办公室。`, '', `${' '.repeat(16)}—${page}—`, '\f');
      out.push({ name: `a task table through pdftotext -layout${parts ? ', with parts' : ''}, ${plan.name}`, bytes: Buffer.from(lines.join('\n')), units, mode: 'sure', year: plan.year });
    }
  }
  return out;
}

export function examForms(seeds: readonly number[]): ExamForm[] {
  return [...gluedForms(seeds), ...scopedForms(seeds), ...deadlineTextForms(seeds), ...sentenceMidForms(seeds), ...closingForms(seeds), ...pipeTableForms(seeds), ...commaPartForms(seeds), ...barRowForms(seeds), ...parentItemForms(seeds), ...articleForms(seeds), ...twoSentenceForms(seeds), ...tabTableForms(seeds), ...sectionRowForms(seeds), ...pageChromeForms(seeds), ...roleWordingForms(seeds), ...rangeRuleForms(seeds), ...bareGluedNameForms(seeds), ...twoRowHeaderForms(seeds), ...leadingClauseForms(seeds), ...numberOpenedForms(seeds), ...flattenedTitleForms(seeds), ...flattenedCircledForms(seeds), ...closingSignatureForms(seeds), ...pageFurnitureForms(seeds), ...layoutTableForms(seeds)];
}

/**
 * Miss 6: F8 — a task table copied as text with `|` between cells: a 重点任务 cell
 * spanning rows (the rows below it lose that cell), a 责任单位 cell spanning rows
 * (a row loses a cell in the middle), empty trailing cells, and the header
 * whole, cut off after a few columns, or missing.
 */
export function pipeTableForms(seeds: readonly number[]): ExamForm[] {
  const out: ExamForm[] = [];
  for (const seed of seeds) {
    const rand = random(seed);
    const plan = inventedPlan(seed, 14, rand() < 0.6, ['lead+cooperate', 'joint', 'sole', 'lead']);
    const split = rand() < 0.5;
    const withDue = rand() < 0.7;
    const withNumber = rand() < 0.7;
    const header = [...(withNumber ? ['序号'] : []), '重点任务', pick(rand, ['具体任务', '工作措施', '细化分工']), ...(split ? ['牵头单位', '配合单位'] : [pick(rand, ['责任单位', '责任科室', '责任部门'])]), ...(withDue ? [pick(rand, ['完成时限', '时间要求'])] : []), '备注'];
    for (const headerKind of ['whole', 'cut', 'none'] as const) {
      const units: ExamUnit[] = [];
      const rows: string[] = [];
      let group = 0;
      let groupLeft = 0;
      let shareLeft = 0;
      let shared: PlanItem | undefined;
      plan.items.forEach((source, i) => {
        // A 责任单位 cell spanning two rows: the second row has the first one's bodies and loses that cell.
        const spanned = shareLeft > 0 && !!shared;
        const it: PlanItem = spanned ? { ...shared!, text: source.text } : source;
        shareLeft = spanned ? shareLeft - 1 : rand() < 0.2 ? 1 : 0;
        if (!spanned) shared = it;
        const due = deadlineInWords(rand, plan.year);
        const cells: string[] = [];
        if (withNumber) cells.push(String(i + 1));
        if (groupLeft === 0) {
          group++;
          groupLeft = 1 + Math.floor(rand() * 3);
          cells.push(`${chinese(group)}是${pick(rand, ['推进', '深化', '做好'])}${pick(rand, ['决策公开', '执行公开', '服务公开', '结果公开', '政策解读'])}`);
        }
        groupLeft--;
        cells.push(`${withNumber ? '' : `${i + 1}.`}${strip(it.text)}`);
        if (!spanned) {
          if (split) cells.push([...it.lead, ...it.sole, ...it.joint].join('、'), it.cooperate.join('、'));
          else cells.push(clauseOf(rand, it, '，'));
        }
        if (withDue) cells.push(due.words);
        // Empty trailing cells (备注 and beyond), or none.
        const trailing = pick(rand, ['', ' |', ' | |', ' |  | ']);
        rows.push(`${pick(rand, ['', '| '])}${cells.join(' | ')}${trailing}`);
        // Under 牵头单位, every name leads (one name or several co-leads).
        const want: PlanItem = split ? { ...it, lead: [...it.lead, ...it.sole, ...it.joint], sole: [], joint: [] } : it;
        units.push({ item: want, ...(withDue ? { due: due.due } : {}) });
      });
      const head = headerKind === 'whole' ? [header.join(' | ')] : headerKind === 'cut' ? [header.slice(0, 2 + Math.floor(rand() * 2)).join(' | ')] : [];
      const bytes = Buffer.from(`某地${plan.year}年政务公开重点任务分工表\n${[...head, ...rows].join('\n')}\n`);
      // Split 牵头/配合 columns with their header cut off: which column leads cannot be known, only flagged.
      const mode = split && headerKind !== 'whole' ? 'right-or-flagged' : 'sure';
      out.push({ name: `F8 pipe table, header ${headerKind}, ${split ? 'split role columns' : 'one clause column'}${withDue ? ', deadlines' : ''}${withNumber ? ', 序号' : ''}, ${plan.name}`, bytes, units, mode });
    }
  }
  return out;
}
