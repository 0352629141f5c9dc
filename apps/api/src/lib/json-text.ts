/**
 * A JSON answer already serialised by the statement that read it (ADR 036), typed by the shape it
 * holds. A service returns it as it would return the object; the route sends the text as it is, so
 * the process neither parses the database's json nor stringifies it again. Outside production the
 * route parses it and holds it to the response schema exactly as an `exactResponse` answer (ADR 029).
 */
export class JsonText<T> {
  /** Only for the type checker: the shape `text` holds. */
  declare readonly shape: T;
  constructor(readonly text: string) {}

  /** The value itself, for the paths that need objects (exports): parsed in full. */
  parse(): T {
    return JSON.parse(this.text) as T;
  }
}
