package dev.scopegate.limits;

/** A bucket's answer: granted, or refused with the milliseconds until the tokens would be there. */
public record Take(boolean granted, long retryAfterMillis) {

  public static final Take GRANTED = new Take(true, 0);

  public static Take refused(long retryAfterMillis) {
    return new Take(false, Math.max(1, retryAfterMillis));
  }
}
