// Preloaded with NODE_OPTIONS=--import by the README test: every `new Date()` and `Date.now()` in the
// process is GONGKAI_TEST_NOW, a date years after the plan. Dates built from a value are untouched.
const fixed = Date.parse(process.env.GONGKAI_TEST_NOW ?? '');
if (!Number.isNaN(fixed)) {
  const RealDate = Date;
  class FakeDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = FakeDate;
}
