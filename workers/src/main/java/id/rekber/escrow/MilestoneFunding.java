package id.rekber.escrow;

/** How a service deal's money comes in (decision 46). */
public enum MilestoneFunding {
  /** The buyer pays the whole deal before the first milestone starts. */
  UP_FRONT,
  /** The buyer pays each milestone's share before that milestone starts; an unpaid one ends the deal there. */
  PER_MILESTONE
}
