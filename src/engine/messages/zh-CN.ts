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
  'arg.list.empty': '参数{argRef}没有任何项，至少需要 1 项。请至少提供一项。',
  'arg.tier.missing': '参数{argRef}为空。请填写达到的档次名称或序号（{options}）；一档也未达到请填 0。',
  'arg.tier.invalid': '参数{argRef}应为档次名称或序号（{options}），收到“{value}”。请填写其中之一；一档也未达到请填 0。',
  'arg.cases.unknownLabel': '参数{argRef}中的情形“{value}”不在扣分情形（{options}）之中。请按这些情形的名称填写例数。',
  'arg.cases.shape': '参数{argRef}应按扣分情形逐项给出例数（{options}），收到“{value}”。请为每种情形分别填写例数。',
  'arg.parts.invalid': '参数{argRef}应按评分标准中分项的顺序逐项给出输入（共 {count} 项），收到“{value}”。请为每个分项提供一项输入。',
  'arg.rule.unknownKind': '参数{argRef}的 kind 应为 {options} 之一，收到“{value}”。请检查评分标准文件中该条款的 kind 是否拼写正确。',

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

  // --- Table locator (locate/) ---
  'locate.tableNotFound':
    '工作表“{sheet}”中找不到评分表：全部 {rows} 行中没有一行表头同时含有评价内容列（{itemNames}）和自评得分列（{scoreNames}）。请使用上述列名之一作为表头。',
  'locate.nearMiss': '最接近表头的是第 {row} 行：有{found}列，但缺少{missing}列。请在该行补上或改正这一列的列名。',
  'locate.nearMiss.none': '没有任何一行含有可识别的列名。',
  'locate.role.category': '指标体系',
  'locate.role.item': '评价内容',
  'locate.role.points': '分值',
  'locate.role.rule': '评分细则',
  'locate.role.score': '自评得分',
  'locate.role.evidence': '佐证材料',
  'locate.role.reason': '扣分说明',
  'locate.role.deduction': '扣分',
  'locate.role.review': '复核得分',
  'locate.role.reviewNote': '复核意见',

  // --- Findings (validate/) ---
  'finding.list.separator': '、',
  'finding.where.clause': '条款 {id}（{item} 第 {number} 条）',
  'finding.where.item': '“{item}”（条款 {ids}）',
  'finding.allowed.range': '{min} 到 {max} 之间、以 {step} 为单位的分值',
  'finding.total.grand': '合计',
  'finding.total.subtotal': '“{category}”小计',
  'finding.evidence.generic': '相关台账或工作记录',
  'finding.SCORE_MISSING': '{where}的自评得分为空。请填写 0 到 {max} 之间的分值。',
  'finding.SCORE_NOT_NUMBER': '{where}的自评得分“{value}”不是数字。请填写 0 到 {max} 之间的数字，不要带“分”或其他文字。',
  'finding.SCORE_NOT_NUMBER.error': '{where}的自评得分单元格显示错误值 {value}。请检查该单元格的公式，或改填 0 到 {max} 之间的数字。',
  'finding.SCORE_NOT_NUMBER.notApplicable':
    '{where}的自评得分填了“{value}”，但该条款没有不适用的情形。请填写 0 到 {max} 之间的分值。',
  'finding.SCORE_NOT_NUMBER.penalty': '{where}的扣分“{value}”不是数字。请填写扣分的负数，如 -{example}；没有扣分填 0。',
  'finding.SCORE_NOT_NUMBER.veto': '{where}应填“是”或“否”，收到“{value}”。发生一票否决情形的填“是”，否则填“否”。',
  'finding.SCORE_NEGATIVE': '{where}的自评得分 {value} 是负数。该项不会得负分，请改为 0 到 {max} 之间的分值。',
  'finding.SCORE_ABOVE_MAX': '{where}的自评得分 {value} 超过该条款满分 {max} 分，请改为 0 到 {max} 之间的分值。',
  'finding.SCORE_ABOVE_MAX.item': '{where}的自评得分 {value} 超过该评价内容满分 {max} 分，请改为 0 到 {max} 之间的分值。',
  'finding.SCORE_ABOVE_MAX.penalty': '{where}扣分 {value} 超过该条款最多可扣的 {max} 分，请改为 -{max} 到 0 之间的分值。',
  'finding.SCORE_NOT_ALLOWED': '{where}的自评得分 {value} 不是该条款评分细则能给出的分值。可填：{allowed}。请按评分细则改正。',
  'finding.SCORE_NOT_ALLOWED.penaltyPositive':
    '{where}填了正数 {value}。扣分项应填负数，如发现 1 例扣 {example} 分填 -{example}；没有扣分填 0。',
  'finding.EVIDENCE_MISSING': '{where}得 {value} 分，但佐证材料为空。请填写支撑该得分的佐证材料，如{evidence}。',
  'finding.EVIDENCE_MISSING.penalty': '{where}扣 {value} 分，但佐证材料为空。请写明所报告的情况和材料，如{evidence}。',
  'finding.REASON_MISSING': '{where}得 {value} 分，低于满分 {max} 分，但扣分说明为空。请写明扣 {lost} 分的原因。',
  'finding.BONUS_CAP_EXCEEDED': '加分项合计 {sum} 分，超过上限 {cap} 分（累计最高不超过 {cap} 分）。请调整各项加分，使合计不超过 {cap} 分。',
  'finding.PENALTY_FLOOR_EXCEEDED': '扣分项合计 {sum} 分，超过最多可扣的 {cap} 分（合计不低于 -{cap} 分）。请核对各项扣分，使合计不低于 -{cap} 分。',
  'finding.TOTAL_MISMATCH': '{label}填写为 {value}，按各条款得分计算应为 {expected}。请改为 {expected}，或核对各条款得分。',
  'finding.TOTAL_MISMATCH.notNumber': '{label}单元格为“{value}”，不是数字；按各条款得分计算应为 {expected}。请改为 {expected} 或检查公式。',
  'finding.SCORE_AS_TEXT':
    '{where}的自评得分写成了文字“{text}”，已按 {value} 分计算。请只填数字 {value}（不带“分”字），Excel 的求和公式才会把它计入。',
  'finding.SCORE_AS_TEXT.total':
    '{label}写成了文字“{text}”，已按 {value} 读取。请只填数字 {value}，或改用求和公式。',
  'finding.SCORE_PERCENT_FORMAT':
    '{where}的自评得分单元格设置成了百分比格式，{value} 分显示为“{shown}”。得分不是百分比：请把该单元格的格式改为“常规”或“数值”，再确认分值是否为 {value}。',
  'finding.SCORE_DEDUCTION_MISMATCH':
    '{where}自评得分填 {value}，扣分填 {deduction}，两者对不上：满分 {max} 分扣 {deduction} 分应得 {expected} 分。请改正其中一项。',
  'finding.SCORE_DEDUCTION_MISMATCH.penalty':
    '{where}得分栏填 {value}，扣分栏填 {deduction}，两者对不上（扣 {deduction} 分应填 {expected}）。请改正其中一项。',
  'finding.DEDUCTION_NOT_NUMBER':
    '{where}的扣分“{value}”不是数字。请填写扣除的分数，如 0.5；没有扣分填 0 或留空。',
  'finding.DEDUCTION_ABOVE_MAX':
    '{where}扣分 {deduction} 超过该项满分 {max} 分。请改为 0 到 {max} 之间的扣分。',
  'finding.SCORE_NOT_ALLOWED.deduction':
    '{where}扣 {deduction} 分后得 {value} 分，不是该条款评分细则能给出的分值。可得：{allowed}。请按评分细则改正扣分。',
  'finding.SCORE_ABOVE_MAX.rows':
    '{where}分 {rows} 行填写得分，合计 {value} 分，超过满分 {max} 分。请调整各行分值，使合计在 0 到 {max} 之间。',
  'finding.SCORE_NOT_ALLOWED.rows':
    '{where}分 {rows} 行填写得分，合计 {value} 分，不是该条款评分细则能给出的分值。可填：{allowed}。请按评分细则改正。',
  'finding.TOTAL_MISMATCH.corrected':
    '{label}填写为 {value}。已标出的得分按评分细则允许的最接近分值计算后，{label}应为 {expected}。改正这些得分后请把{label}改为 {expected}（求和公式会自动更新）。',
  'finding.CLAUSE_MISSING': '缺少{where}的评分行。请为该条款补一行，并在评分细则开头写明条款序号“{number}、”。',
  'finding.CLAUSE_MISSING.item': '表中找不到评价内容“{item}”（条款 {ids}）。请补上该评价内容的评分行，名称与评分标准一致。',
  'finding.UNKNOWN_ROW': '第 {row} 行“{text}”对应不到评分标准中的任何条款。请核对评价内容名称和条款序号（如“1、”）是否与评分标准一致；说明文字请移到表格下方。',
  'finding.UNKNOWN_ROW.duplicate': '第 {row} 行与第 {first} 行对应同一条款 {ids}，会被重复计分。请删除重复的行，或改正条款序号。',
  'finding.VETO': '一票否决填了“{value}”：本年度等第为“{grade}”，不论得分多少。如未发生一票否决情形，请改为“否”。',
  'finding.PII_ID_NUMBER': '单元格中有身份证号（{masked}）。救助对象的身份证号不得报送或公开：请删除，或只保留脱敏形式，删除后才能提交。',
  'finding.PII_PHONE': '单元格中有手机号（{masked}）。此表会报送和公开，请删除，或只保留脱敏形式（如隐去中间四位）。',
  'finding.PII_PHONE.contact': '填报人联系电话（{masked}）。此表会公开，如不宜公开请改用办公电话。',
  'finding.LAYOUT_CHOICE.column': '表头中有多列都是“{role}”列：已按 {used} 列“{usedText}”校验，忽略了{ignored}。如果用错了列，请删除多余的列或改正列名。',
  'finding.LAYOUT_CHOICE.hidden': '隐藏的 {col} 列“{text}”',
  'finding.LAYOUT_CHOICE.otherYear': '其他年度的 {col} 列“{text}”',
  'finding.LAYOUT_CHOICE.second': '{col} 列“{text}”',
  'finding.LAYOUT_CHOICE.row': '隐藏的第 {hidden} 行与第 {used} 行都对应条款 {ids}：已按看得见的第 {used} 行计分，忽略了隐藏的第 {hidden} 行。隐藏的旧行如已作废，请删除。',

  // --- Self-assessment template (template/build-template.ts) ---
  'template.score.prompt': '本条满分 {max} 分。少于满分时请在“扣分说明”中写明原因，并在“佐证材料”中列出材料名称。',
  'template.score.error': '自评得分应为 0 到 {max} 之间的数字（最小单位 {step} 分）。请按评分细则填写。',
  'template.bonus.prompt': '加分项可酌情填写，全部加分项累计最高不超过 {cap} 分；有加分请在“佐证材料”中列出材料名称。',
  'template.penalty.prompt': '扣分填负数，如 -2；本条最多扣 {max} 分，未发生请填 0。',
  'template.penalty.error': '扣分项应填 {min} 到 0 之间的数（负数表示扣分）。未发生请填 0。',
  'template.veto.prompt': '当年发生刑事违法案件或严重冲击社会道德和社会心理底线事件的填“是”（等第为不合格），否则填“否”。',
  'template.veto.error': '一票否决请填“是”或“否”。',
  'template.total.note': '合计 = 各分类得分（不超过分类上限，基础分满分 {total} 分）+ 加分项（最高 {bonus} 分）+ 扣分项（最多扣 {penalty} 分）。',
  // --- Formulas template: 计分依据 inputs (template/clause-formula.ts) ---
  'template.input.header': '计分依据',
  'template.input.cases': '填发现“{label}”的例数，如 0。',
  'template.input.casesPlain': '填发现例数，如 0。',
  'template.input.rate': '填{measure}，如 6%。',
  'template.input.value': '填{measure}的实测值。',
  'template.input.tier': '填达到的档次：{tiers}；都未达到填 0。',
  'template.input.count': '填“{label}”的件数，如 2。',
  'template.input.countPlain': '填件数，如 2。',
  'template.input.met': '填 是 或 否。',
  'template.input.numberError': '计分依据应为不小于 0 的数，如 0。不填则不计分。',
  'template.input.rateError': '计分依据应为比率，如 6%（也可填 0.06 或 6）。不填则不计分。',
  'template.input.tierError': '计分依据应为档次序号 0 到 {n}（0 表示都未达到）。',
  'template.input.metError': '计分依据请填“是”或“否”。',

  // --- Formulas (src/functions, src/engine/formulas: RUBRIC.* custom functions, eval, FORMULA_STALE) ---
  'argLabel.per_case': '每例分值',
  'argLabel.per_step': '每档扣分',
  'argLabel.clause_id': '条款编号',
  'argLabel.id': '编号',
  'formula.id.missing': '参数{argRef}为空。请填写评分标准中的编号，如 3.6.4（条款）、3.6（评价内容）或 3（分类），并加英文引号，如 "3.6.4"。',
  'formula.clause.unknown':
    '参数{argRef}“{value}”不是评分标准“{rubric}”中的条款编号。请填写如 "3.6.4" 的条款编号（分类.评价内容.条款序号），并加英文引号。',
  'formula.id.unknown':
    '参数{argRef}“{value}”不是评分标准“{rubric}”中的分类、评价内容或条款编号。请填写如 "3"、"3.6" 或 "3.6.4" 的编号，并加英文引号。',
  'formula.clause.tooManyInputs':
    '参数{argRef}：条款 {clause} 只需要 {count} 个输入（{names}），收到 {given} 个。请删去多余的输入，顺序见函数说明。',
  'formula.syntax': '公式“{formula}”无法解析。请检查括号和英文引号是否成对、参数之间是否用英文逗号分隔。',
  'formula.argCount': '函数的参数个数不对。请按以下格式填写（方括号内的参数可省略）：{signatures}。',
  'formula.stale':
    '单元格公式 ={formula} 按表中数据应得 {expected}，但单元格中保存的结果是 {cached}，说明文件保存时未重新计算。请在 Excel 中打开并加载评分助手，按 Ctrl+Alt+F9 重新计算后再保存。',
  'formula.stale.addinMissing':
    '单元格公式 ={formula} 保存的结果是 {cached}（保存时评分助手未加载，函数无法计算），按表中数据应得 {expected}。请加载评分助手后按 Ctrl+Alt+F9 重新计算，再保存。',
  'formula.stale.error':
    '单元格公式 ={formula} 按表中数据应得到错误 {code}（{reason}），但单元格中保存的结果是 {cached}。请按错误说明改正公式的输入，然后重新计算并保存。',
  'formula.circular':
    '公式之间有循环引用（{cells}）：公式直接或间接引用了自己所在的单元格，Excel 无法算出确定的结果，本工具未核对这些公式保存的结果。请修改公式，去掉对自身单元格的引用。',
  'formula.tooDeep':
    '单元格公式嵌套过深（超过 {max} 层括号），本工具未核对它保存的结果。Excel 也只允许 64 层嵌套；请把公式拆成几个单元格分步计算。',

  // --- The district's 复核 columns (validate/check-review.ts) ---
  'finding.review.prefix': '【复核】{message}',
  'finding.REVIEW_MISSING': '【复核】{where}的复核得分为空（自评得分为 {self}）。复核总分暂按自评得分计；复核后请填写复核得分。',
  'finding.REVIEW_NOTE_MISSING': '【复核】{where}复核得分 {review} 低于自评得分 {self}，但复核意见为空。请写明核减的理由。',
  'finding.REVIEW_NOTE_MISSING.noColumn':
    '【复核】{where}复核得分 {review} 低于自评得分 {self}，但表中没有复核意见列。请增加“复核意见”列并写明核减的理由。',

  // --- One word per severity, the same in the pane, the CLI, notes, 问题清单 and JSON docs ---
  'severity.error': '错误',
  'severity.warning': '警告',
  'severity.info': '提示',

  // --- The 问题清单 sheet an annotated copy or an older Excel gets (issue-list.ts) ---
  'issueList.sheetName': '问题清单',
  'issueList.severity': '问题',
  'issueList.cell': '单元格',
  'issueList.clause': '条款',
  'issueList.message': '说明',

  // --- A category's score against its cap, in the pane and the CLI (score-text.ts) ---
  'score.ofCap': '{score} / {cap}',
  'score.penalty': '扣 {deducted} 分（最多扣 {cap} 分）',

  // --- The note on a marked cell, from every writer (note-text.ts) ---
  'note.heading': '评分助手：',
  'note.line': '{severity}：{message}',
} as const;

export type MessageKey = keyof typeof zhCN;

/** A catalogue for one locale: every key, no extras. */
export type Messages = { readonly [K in MessageKey]: string };
