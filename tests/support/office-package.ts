/**
 * A workbook built part by part with what Excel, LibreOffice and openpyxl really write: a chart and its
 * drawing, a pivot table and cache, threaded comments with persons, an external link, custom XML and
 * custom document properties, a constant defined name, workbook protection, x14 validations, sparklines
 * and data bars in extLst, a table with a style, 10.5 pt and rich-text fonts, LibreOffice booleans
 * (`customFormat="true"`), cells without `r`, a sheet part not named sheetN.xml, and a user's notes.
 */
import { strToU8, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { loadWorkbook, readSheetOf } from '../../src/cli/xlsx/read-workbook';
import { toA1, type Cell } from '../../src/engine/sheet/sheet-model';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export interface FixtureOptions {
  /** Where the marked sheet's comments live: Excel's `xl/comments1.xml` or openpyxl's `xl/comments/comment1.xml`. */
  commentsPath?: string;
  /** Without threaded comments and persons (ExcelJS cannot reopen some threaded-comment packages). */
  threaded?: boolean;
  /** The marked sheet has no notes, no VML drawing and no rels for them. */
  noNotes?: boolean;
  /** The marked sheet's part; ExcelJS only finds sheets named `xl/worksheets/sheetN.xml`. */
  sheetPart?: string;
  /** Give every cell its r (ExcelJS cannot read cells without one). */
  allRefs?: boolean;
  /**
   * Protect the workbook's structure (Review → Protect Workbook → Structure): no sheet may be added. Otherwise the
   * protection (with its password hash) locks the windows only.
   */
  structureLocked?: boolean;
}

export const MARKED_SHEET = 'xl/worksheets/data.xml';

const rel = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
const rels = (...items: string[]) => `${HEAD}<Relationships xmlns="${PR}">${items.join('')}</Relationships>`;

export function fixtureParts(opts: FixtureOptions = {}): Record<string, string> {
  const commentsPath = opts.commentsPath ?? 'xl/comments1.xml';
  const threaded = opts.threaded ?? true;
  const notes = !opts.noNotes;
  const sheetPart = opts.sheetPart ?? MARKED_SHEET;
  const sheetFile = sheetPart.slice(sheetPart.lastIndexOf('/') + 1);
  const sheetRels: string[] = [
    rel('rId1', `${RT}/drawing`, '../drawings/drawing1.xml'),
    rel('rId3', `${RT}/table`, '../tables/table1.xml'),
    rel('rId4', `${RT}/hyperlink`, 'https://mzj.sh.gov.cn/', true),
  ];
  if (notes) {
    sheetRels.push(rel('rId2', `${RT}/vmlDrawing`, '../drawings/vmlDrawing1.vml'));
    sheetRels.push(rel('rId5', `${RT}/comments`, `/${commentsPath}`));
  }
  if (notes && threaded) sheetRels.push(rel('rId6', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml'));

  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      (notes ? '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' : '') +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/${sheetPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
      (notes ? `<Override PartName="/${commentsPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` : '') +
      (notes && threaded
        ? '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
          '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>'
        : '') +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
      '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
      '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
      '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>' +
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>' +
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
      '</Types>',
    '_rels/.rels': rels(
      rel('rId1', `${RT}/officeDocument`, 'xl/workbook.xml'),
      rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'),
      rel('rId3', `${RT}/extended-properties`, 'docProps/app.xml'),
      rel('rId4', `${RT}/custom-properties`, 'docProps/custom.xml'),
    ),
    'docProps/core.xml':
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>长宁区民政局</dc:creator></cp:coreProperties>`,
    'docProps/app.xml':
      `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>自评表</vt:lpstr><vt:lpstr>图表</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
    'docProps/custom.xml':
      `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="街镇"><vt:lpwstr>江苏路街道</vt:lpwstr></property></Properties>`,
    'customXml/item1.xml': `${HEAD}<评审 xmlns="urn:changning:review"><状态>待复核</状态></评审>`,
    'customXml/itemProps1.xml':
      `${HEAD}<ds:datastoreItem ds:itemID="{6B1E2C3A-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    'customXml/_rels/item1.xml.rels': rels(rel('rId1', `${RT}/customXmlProps`, 'itemProps1.xml')),
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>' +
      `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="x5L3mQ==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" ${opts.structureLocked ? 'lockStructure="1"' : 'lockWindows="1"'}/>` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>' +
      '<sheets><sheet name="自评表" sheetId="1" r:id="rId1"/><sheet name="图表" sheetId="3" r:id="rId2"/></sheets>' +
      '<externalReferences><externalReference r:id="rId5"/></externalReferences>' +
      '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">自评表!$A$2:$F$8</definedName><definedName name="加分上限">5</definedName></definedNames>' +
      '<calcPr calcId="191029"/>' +
      '<pivotCaches><pivotCache cacheId="7" r:id="rId6"/></pivotCaches>' +
      '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>' +
      '</workbook>',
    'xl/_rels/workbook.xml.rels': rels(
      rel('rId1', `${RT}/worksheet`, `worksheets/${sheetFile}`),
      rel('rId2', `${RT}/worksheet`, 'worksheets/sheet2.xml'),
      rel('rId3', `${RT}/styles`, 'styles.xml'),
      rel('rId4', `${RT}/sharedStrings`, 'sharedStrings.xml'),
      rel('rId5', `${RT}/externalLink`, 'externalLinks/externalLink1.xml'),
      rel('rId6', `${RT}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml'),
      rel('rId7', `${RT}/theme`, 'theme/theme1.xml'),
      ...(notes && threaded ? [rel('rId8', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml')] : []),
    ),
    'xl/theme/theme1.xml':
      `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="等线 Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="等线"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`,
    'xl/styles.xml':
      `${HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="0.0&quot;分&quot;"/></numFmts>' +
      '<fonts count="3" x14ac:knownFonts="1"><font><sz val="10.5"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
      '<font><b/><sz val="10.5"/><color rgb="FFC00000"/><name val="仿宋_GB2312"/><family val="3"/><charset val="134"/></font>' +
      '<font><sz val="9"/><name val="Tahoma"/><family val="2"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
      '<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment horizontal="center" vertical="center" wrapText="1"/><protection locked="0"/></xf>' +
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="1" applyFont="1" applyFill="1" applyBorder="1"/>' +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs>' +
      '<cellStyles count="2"><cellStyle name="常规" xfId="0" builtinId="0"/><cellStyle name="评分表标题" xfId="1" customBuiltin="1"/></cellStyles>' +
      '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
      '</styleSheet>',
    'xl/sharedStrings.xml':
      `${HEAD}<sst xmlns="${MAIN}" count="6" uniqueCount="6"><si><t>2023年社会救助绩效评价自评表</t></si><si><t>序号</t></si><si><t>评分细则</t></si>` +
      '<si><r><rPr><b/><sz val="10.5"/><color rgb="FFFF0000"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>深化</t></r><r><rPr><sz val="10.5"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">政策找人 </t></r></si>' +
      '<si><t>自评得分</t></si><si><t>备注</t></si></sst>',
    [sheetPart]:
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
      '<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:G9"/>' +
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="E4" sqref="E4"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>' +
      '<cols><col min="1" max="1" width="6.625" style="3" customWidth="1"/><col min="5" max="5" width="9" style="1" customWidth="1"/></cols>' +
      '<sheetData>' +
      '<row r="1" spans="1:7" ht="22.5" customHeight="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="2"/><c r="C1" s="2"/></row>' +
      '<row r="2" spans="1:7"><c r="A2" s="3" t="s"><v>1</v></c><c r="B2" s="3" t="s"><v>2</v></c><c r="E2" s="3" t="s"><v>4</v></c><c r="F2" s="3" t="s"><v>5</v></c></row>' +
      '<row r="3" spans="1:7"><c r="A3" s="3"><v>1</v></c><c r="B3" s="3" t="s"><v>3</v></c><c r="E3" s="1"><v>4.5</v></c><c r="F3" s="1"><f t="shared" ref="F3:F5" si="0">E3*2</f><v>9</v></c></row>' +
      '<row r="4" spans="1:7"><c r="A4" s="3"><v>2</v></c><c r="B4" s="3" t="inlineStr"><is><t>精准救助</t></is></c><c r="E4" s="1"><v>7</v></c><c r="F4" s="1"><f t="shared" si="0"/><v>14</v></c></row>' +
      // LibreOffice: booleans as "true", a row format, a cell without r.
      `<row r="5" s="1" customFormat="true" ht="13.5" hidden="false" customHeight="false"><c r="A5" s="3"><v>3</v></c><c${opts.allRefs ? ' r="B5"' : ''} s="3" t="b"><v>1</v></c>` +
      '<c r="E5" s="1"><v>2</v></c><c r="F5" s="1"><f t="shared" si="0"/><v>4</v></c></row>' +
      // Cells without r (some writers): A6, B6, C6 by position.
      (opts.allRefs
        ? '<row r="6"><c r="A6" s="3"><v>4</v></c><c r="B6" s="3" t="inlineStr"><is><t>兜底保障</t></is></c><c r="C6" s="3"/><c r="F6" s="1"><v>1</v></c></row>'
        : '<row r="6"><c s="3"><v>4</v></c><c s="3" t="inlineStr"><is><t>兜底保障</t></is></c><c s="3"/><c r="F6" s="1"><v>1</v></c></row>') +
      '<row r="8"><c r="A8" s="3"><v>5</v></c><c r="E8" s="1"><f>加分上限*2</f><v>10</v></c></row>' +
      '<row r="9" ht="30" customHeight="1"/>' +
      '</sheetData>' +
      '<sheetProtection algorithmName="SHA-512" hashValue="q1w2e3==" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0"/>' +
      '<autoFilter ref="A2:F8"/>' +
      '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' +
      '<conditionalFormatting sqref="E3:E8"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{1E2C0E69-0000-4000-8000-00000000AA01}</x14:id></ext></extLst></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="F3:F8"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>加分上限</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorTitle="超过满分" error="得分不能超过满分" sqref="E3:E8"><formula1>0</formula1><formula2>10</formula2></dataValidation></dataValidations>' +
      '<hyperlinks><hyperlink ref="F2" r:id="rId4"/></hyperlinks>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape"/>' +
      '<headerFooter><oddFooter>&amp;C第 &amp;P 页</oddFooter></headerFooter>' +
      '<drawing r:id="rId1"/>' +
      (notes ? '<legacyDrawing r:id="rId2"/>' : '') +
      '<tableParts count="1"><tablePart r:id="rId3"/></tableParts>' +
      '<extLst>' +
      '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{1E2C0E69-0000-4000-8000-00000000AA01}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>E3:E8</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>' +
      '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>图表!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>G3:G8</xm:sqref></x14:dataValidation></x14:dataValidations></ext>' +
      '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries theme="4"/><x14:sparklines><x14:sparkline><xm:f>自评表!E3:F3</xm:f><xm:sqref>G3</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>' +
      '</extLst></worksheet>',
    [`xl/worksheets/_rels/${sheetFile}.rels`]: rels(...sheetRels),
    'xl/worksheets/sheet2.xml':
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:A3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>是</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>否</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>不适用</t></is></c></row></sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait"/></worksheet>',
    'xl/worksheets/_rels/sheet2.xml.rels': rels(rel('rId1', `${RT}/pivotTable`, '../pivotTables/pivotTable1.xml')),
    'xl/drawings/drawing1.xml':
      `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': rels(rel('rId1', `${RT}/chart`, '../charts/chart1.xml')),
    'xl/charts/chart1.xml':
      `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>自评表!$E$3:$E$8</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
    'xl/tables/table1.xml':
      `${HEAD}<table xmlns="${MAIN}" id="1" name="评分表" displayName="评分表" ref="A2:F8" totalsRowShown="0"><autoFilter ref="A2:F8"/><tableColumns count="6"><tableColumn id="1" name="序号"/><tableColumn id="2" name="评分细则"/><tableColumn id="3" name="列1"/><tableColumn id="4" name="列2"/><tableColumn id="5" name="自评得分"/><tableColumn id="6" name="备注"/></tableColumns><tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    'xl/pivotTables/pivotTable1.xml':
      `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="8" minRefreshableVersion="3" createdVersion="8" indent="0" outline="1" outlineData="1"><location ref="A1:B2" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField dataField="1" showAll="0"/></pivotFields><dataFields count="1"><dataField name="求和项:自评得分" fld="0" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    'xl/pivotTables/_rels/pivotTable1.xml.rels': rels(rel('rId1', `${RT}/pivotCacheDefinition`, '../pivotCache/pivotCacheDefinition1.xml')),
    'xl/pivotCache/pivotCacheDefinition1.xml':
      `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="民政" refreshedDate="45000.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="1"><cacheSource type="worksheet"><worksheetSource ref="E2:E8" sheet="自评表"/></cacheSource><cacheFields count="1"><cacheField name="自评得分" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="1" maxValue="7"/></cacheField></cacheFields></pivotCacheDefinition>`,
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': rels(rel('rId1', `${RT}/pivotCacheRecords`, 'pivotCacheRecords1.xml')),
    'xl/pivotCache/pivotCacheRecords1.xml': `${HEAD}<pivotCacheRecords xmlns="${MAIN}" count="1"><r><n v="4.5"/></r></pivotCacheRecords>`,
    'xl/externalLinks/externalLink1.xml':
      `${HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="汇总"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>100</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    'xl/externalLinks/_rels/externalLink1.xml.rels': rels(rel('rId1', `${RT}/externalLinkPath`, 'file:///\\\\server\\share\\汇总.xlsx', true)),
  };
  if (notes) {
    // The user's own notes: one on E4 (a cell the tests mark), one on G9 (not marked); a threaded comment on F6.
    parts[commentsPath] =
      `${HEAD}<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>王科长</author>${threaded ? '<author>tc={6B1E2C3A-0000-4000-8000-0000000000F6}</author>' : ''}</authors><commentList>` +
      '<comment ref="E4" authorId="0" shapeId="0" xr:uid="{00000000-0006-0000-0000-000001000000}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>王科长:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">\n佐证材料已补。</t></r></text></comment>' +
      '<comment ref="G9" authorId="0" shapeId="0" xr:uid="{00000000-0006-0000-0000-000002000000}"><text><t>待复核</t></text></comment>' +
      (threaded
        ? '<comment ref="F6" authorId="1" shapeId="0" xr:uid="{6B1E2C3A-0000-4000-8000-0000000000F6}"><text><t>[线程批注]\n\n你的 Excel 版本可读取此线程批注; 但如果在较新版本的 Excel 中打开文件，则对批注所做的任何改动都将被删除。了解详细信息: https://go.microsoft.com/fwlink/?linkid=870924\n\n批注:\n    请核对。</t></text></comment>'
        : '') +
      '</commentList></comments>';
    const shape = (id: number, row: number, col: number, body = '') =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden' fillcolor="infoBackground [80]" o:insetmode="auto">` +
      `<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style='mso-direction-alt:auto'><div style='text-align:left'>${body}</div></v:textbox>` +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>\n    ${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
    parts['xl/drawings/vmlDrawing1.vml'] =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
      ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>' +
      // Excel's legacy VML is not always well-formed XML (an unclosed <br> here): it must pass through untouched.
      shape(1025, 3, 4, '<br>') +
      shape(1026, 8, 6) +
      (threaded ? shape(1027, 5, 5) : '') +
      '</xml>';
    if (threaded) {
      parts['xl/threadedComments/threadedComment1.xml'] =
        `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="F6" dT="2024-03-01T09:30:00.00" personId="{A1B2C3D4-0000-4000-8000-000000000001}" id="{6B1E2C3A-0000-4000-8000-0000000000F6}"><text>请核对。</text></threadedComment></ThreadedComments>`;
      parts['xl/persons/person.xml'] =
        `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="李四" id="{A1B2C3D4-0000-4000-8000-000000000001}" userId="S::lisi@changning.gov.cn::0" providerId="AD"/></personList>`;
    }
  }
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level: 6 });
}

export const fixtureWorkbook = (opts: FixtureOptions = {}): Uint8Array => zipParts(fixtureParts(opts));

export const EDITABLE_SHEET = 'xl/worksheets/sheet1.xml';

/**
 * The fixture as ExcelJS (and so the playground) can also open it — sheetN.xml, every cell with r, the
 * note drawing well-formed, the comments' rel relative — with the calculation chain Excel writes.
 */
export function editableFixtureParts(opts: Pick<FixtureOptions, 'structureLocked'> = {}): Record<string, string> {
  const p = fixtureParts({ sheetPart: EDITABLE_SHEET, allRefs: true, ...opts });
  p['xl/drawings/vmlDrawing1.vml'] = p['xl/drawings/vmlDrawing1.vml'].replace('<br>', '<br/>');
  p['xl/worksheets/_rels/sheet1.xml.rels'] = p['xl/worksheets/_rels/sheet1.xml.rels'].replace('Target="/xl/comments1.xml"', 'Target="../comments1.xml"');
  p['xl/calcChain.xml'] =
    `${HEAD}<calcChain xmlns="${MAIN}"><c r="F3" i="1"/><c r="F4"/><c r="F5"/><c r="E8"/></calcChain>`;
  p['xl/_rels/workbook.xml.rels'] = p['xl/_rels/workbook.xml.rels'].replace('</Relationships>', `<Relationship Id="rId20" Type="${RT}/calcChain" Target="calcChain.xml"/></Relationships>`);
  p['[Content_Types].xml'] = p['[Content_Types].xml'].replace(
    '</Types>',
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
  );
  return p;
}

/** Throws, naming the part, unless `xml` is well-formed (a second XML reader over a copy's parts). */
export function wellFormed(name: string, xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  try {
    p.write(xml).close();
  } catch (err) {
    throw new Error(`${name}: ${(err as Error).message}`);
  }
}

/** The cells of one sheet of a package as the repo's streaming reader (the one `validate` uses) reads them, by A1. */
export function streamedCells(bytes: Uint8Array, sheetName: string): Map<string, Cell> {
  const reader = loadWorkbook(bytes, 'copy.xlsx');
  const entry = reader.sheets.find((s) => s.name === sheetName);
  if (!entry) throw new Error(`no sheet ${sheetName}`);
  const { sheet } = readSheetOf(reader, entry, 'copy.xlsx');
  const out = new Map<string, Cell>();
  for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.colCount; c++) if (sheet.cell(r, c)) out.set(toA1(r, c), sheet.cell(r, c)!);
  return out;
}
