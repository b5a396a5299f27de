// bpmn-moddle ships no types; the loader reads its objects structurally.
declare module 'bpmn-moddle' {
  interface ParseResult { rootElement: any; elementsById: Record<string, any>; references: any[]; warnings: { message: string }[] }
  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    create(type: string, attrs?: Record<string, unknown>): any;
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: any, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
