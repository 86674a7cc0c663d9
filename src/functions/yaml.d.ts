/** webpack loads .yaml files as their text (asset/source); the engine parses them with parseRubric. */
declare module '*.yaml' {
  const text: string;
  export default text;
}
