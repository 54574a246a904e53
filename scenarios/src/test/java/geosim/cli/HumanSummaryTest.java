package geosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-screen summary's money and hours: a short run's cost must not round to nothing. */
class HumanSummaryTest {
  @Test
  void dollarsKeepFourSignificantDigitsBelowOneDollarAndCentsAbove() {
    assertEquals("$0.02817", HumanSummary.usd(0.028167808));
    assertEquals("$0.00", HumanSummary.usd(0));
    assertEquals("$11,197.42", HumanSummary.usd(11_197.418333));
    assertEquals("$1.00", HumanSummary.usd(1));
  }

  @Test
  void hoursKeepTwoDecimalsBelowTen() {
    assertEquals("0.83", HumanSummary.hours(0.8333));
    assertEquals("9.50", HumanSummary.hours(9.5));
    assertEquals("4,123", HumanSummary.hours(4_123.4));
  }
}
