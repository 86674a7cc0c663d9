/** Where the built page finds the example workbook (see sample-url.js). */
export const SAMPLE_URL: string;
