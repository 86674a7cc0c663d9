export interface MetadataParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}
export interface FunctionsMetadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}
export type TranslationTable = Record<string, { description: string; parameters: Record<string, string> }>;

export function localizeMetadata(metadata: FunctionsMetadata, table: TranslationTable): { metadata: FunctionsMetadata; problems: string[] };
