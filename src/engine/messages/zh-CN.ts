/**
 * Every user-facing engine message in Chinese, the product's primary language. `{name}` marks a
 * placeholder that `t()` fills. en.ts must define exactly the same keys (the compiler checks) with the
 * same placeholders (tests/engine/messages.test.ts checks).
 *
 * To add messages: add keys here under a section named for the module that raises them, then the
 * same keys in en.ts. Each message says what is wrong, with the value received, and how to fix it.
 */
export const zhCN = {
  // --- How an argument is named inside a message (args.ts) ---
  'arg.ref': '“{arg}”',
  'arg.refLabelled': '“{arg}”（{label}）',

  // --- Argument labels: `argLabel.<name>` is looked up for the last segment of an argument's name ---
  'argLabel.max': '满分',
  'argLabel.cases': '发现例数',
  'argLabel.perCase': '每例分值',
  'argLabel.rate': '比率',
  'argLabel.threshold': '阈值',
  'argLabel.thresholds': '各档阈值',
  'argLabel.step': '每档幅度',
  'argLabel.perStep': '每档扣分',
  'argLabel.mode': '计档方式',
  'argLabel.value': '实际值',
  'argLabel.comparison': '比较方式',
  'argLabel.points': '分值',
  'argLabel.count': '例数',
  'argLabel.cap': '封顶分',
  'argLabel.floor': '保底分',
  'argLabel.compliant': '合规数',
  'argLabel.total': '总数',
  'argLabel.met': '是否达标',
  'argLabel.values': '分数',
  'argLabel.veto': '一票否决',
  'argLabel.score': '得分',
  'argLabel.tier': '达到的档次',
  'argLabel.bands': '等第',
  'argLabel.parts': '分项',
  'argLabel.resolution': '最小分值单位',
  'argLabel.rule': '评分规则',

  // --- Argument errors (args.ts) ---
  'arg.number.missing': '参数{argRef}为空。请填写一个数字，如 2 或 0.5。',
  'arg.number.invalid': '参数{argRef}应为数字，收到“{value}”。请填写一个数字，如 2 或 0.5，不要带单位或文字。',
  'arg.count.missing': '参数{argRef}为空。请填写发现的例数，如 0、1、2；没有发现请填 0。',
  'arg.count.invalid': '参数{argRef}应为 0 或正整数，收到“{value}”。请填写发现的例数，如 0、1、2。',
  'arg.positive.notPositive': '参数{argRef}应大于 0，收到“{value}”。请填写大于 0 的数字，如 0.1 或 10%。',
  'arg.nonNegative.negative': '参数{argRef}不能为负数，收到“{value}”。请填写 0 或正数，扣分也按正数填写。',
  'arg.rate.missing': '参数{argRef}为空。请填写比率，如 15%、0.15 或 15（都表示百分之十五）。',
  'arg.rate.invalid': '参数{argRef}应为比率，收到“{value}”。请填写如 15%、0.15 或 15（都表示百分之十五）。',
  'arg.rate.outOfRange':
    '参数{argRef}应在 0% 到 100% 之间，收到“{value}”。大于 1 的数按百分数理解（15 即 15%，1 即 100%），请检查是否填了负数或多填了一位。',
  'arg.comparison.missing': '参数{argRef}为空。请填写比较符号 >、>=、< 或 <=。',
  'arg.comparison.invalid':
    '参数{argRef}应为比较符号 >、>=、< 或 <=，收到“{value}”。请填写其中之一（也可用 ＞、≥、＜、≤ 或“大于”“不低于”等）。',
  'arg.bandMode.invalid':
    '参数{argRef}应为 full（只计满档）或 started（不满一档也计一档），收到“{value}”。请填写 full 或 started，或留空（默认 full）。',
  'arg.bool.missing': '参数{argRef}为空。请填写 是 或 否（也可填 TRUE/FALSE、1/0、√/×、Y/N）。',
  'arg.bool.invalid': '参数{argRef}应为 是 或 否，收到“{value}”。请填写 是/否、TRUE/FALSE、1/0、√/× 或 Y/N。',
  'arg.range.outside': '参数{argRef}应在 {min} 到 {max} 之间，收到“{value}”。请填写不低于 {min}、不超过 {max} 的数。',
  'arg.notAbove': '参数{argRef}为“{value}”，大于参数{otherRef}的“{limit}”。前者不能超过后者，请核对这两个数。',
  'arg.ratio.totalZero': '参数{argRef}为“{value}”：总数为 0，无法按比例计算。请填写大于 0 的总数；本项若不适用，请按不适用处理。',
  'arg.list.invalid': '参数{argRef}应为一组数值（单元格区域或数组），收到“{value}”。请选择一个单元格区域或提供数组。',
  'arg.list.lengthMismatch':
    '参数{argRef}有 {count} 项，参数{otherRef}有 {otherCount} 项。两者应一一对应，请使项数相同。',
  'arg.list.empty': '参数{argRef}为空，至少需要 1 项。请至少提供一项，如“优秀 90”。',
  'arg.tier.missing': '参数{argRef}为空。请填写达到的档次名称或序号（{options}）；一档也未达到请填 0。',
  'arg.tier.invalid': '参数{argRef}应为档次名称或序号（{options}），收到“{value}”。请填写其中之一；一档也未达到请填 0。',
  'arg.cases.unknownLabel': '参数{argRef}中的情形“{value}”不在扣分情形（{options}）之中。请按这些情形的名称填写例数。',
  'arg.cases.shape': '参数{argRef}应按扣分情形逐项给出例数（{options}），收到“{value}”。请为每种情形分别填写例数。',
  'arg.parts.invalid': '参数{argRef}应按评分标准中分项的顺序逐项给出输入（共 {count} 项），收到“{value}”。请为每个分项提供一项输入。',
  'arg.rule.unknownKind': '参数{argRef}的类型“{value}”无法识别。请检查评分标准文件中的 kind，应为 {options} 之一。',

  // --- Rubric lint (lint.ts) ---
  'lint.DUPLICATE_ID': '编号“{id}”重复，首次出现在 {first}。每个分类、评价内容和条款的编号必须唯一，请改正其中一个。',
  'lint.ID_HIERARCHY': '编号“{id}”与上级不符，应为“{parent}”开头（条款编号 = 评价内容编号.条款序号）。请按层级改正编号。',
  'lint.STATED_POINTS': '条款 {id}（{item}）正文写“得 {stated} 分”，但条款满分为（{max}分）。原文笔误：按满分 {max} 分计算，请向区民政局核实。',
  'lint.RULE_ABOVE_MAX': '条款 {id} 的规则最多可得 {points} 分，超过条款满分 {max} 分。请核对规则参数或条款满分。',
  'lint.PART_MAX_MISSING': '条款 {id} 的分项“{label}”没有满分（max）。酌情给分或按例扣分的分项必须写明 max。',
  'lint.PARTS_SUM': '条款 {id} 各分项满分合计 {sum} 分，与条款满分 {max} 分不一致。请核对各分项分值。',
  'lint.TYPO': '条款 {id} 原文“{text}”疑为“{meant}”之误；数据中保留原文。',
  'lint.ITEM_SUM': '评价内容 {id}“{name}”各条款满分合计 {sum} 分，与分值 {max} 分不一致。请核对条款满分。',
  'lint.CATEGORY_SUM': '分类“{name}”各评价内容分值合计 {sum} 分，与该分类上限 {cap} 分不一致。请核对分值。',
  'lint.TOTAL_SUM': '各基础分类上限合计 {sum} 分，与总分 {total} 分不一致。请核对分类上限。',
  'lint.GRADE_ORDER': '等第“{grade}”的下限 {min} 不低于上一档“{prev}”。等第须按分数从高到低排列。',
  'lint.GRADE_ASSUMPTION': '等第划分为本工具的假设（原文未规定）：{note}',
} as const;

export type MessageKey = keyof typeof zhCN;

/** A catalogue for one locale: every key, no extras. */
export type Messages = { readonly [K in MessageKey]: string };
