/** Where a unit's clause was found in its words. */
export interface FoundClause {
  /** The unit's words without the clause (when the clause ended them). */
  text: string;
  /** The clause(s), verbatim, without brackets; several joined with `；`. */
  clause: string;
  /** Why the clause's place is uncertain (glued to the text): the unit is flagged. */
  doubt?: string;
  /** Names read for sure in a clause whose start was not (those after its glued first name): they help cut other clauses. */
  sureNames?: string[];
}
