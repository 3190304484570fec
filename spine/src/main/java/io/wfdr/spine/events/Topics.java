package io.wfdr.spine.events;

/** Topic naming shared by all services: {@code wfdr.<service>.events} for facts, {@code .commands} for requests. */
public final class Topics {

    private Topics() {
    }

    public static String events(String service) {
        return "wfdr." + service + ".events";
    }

    public static String commands(String service) {
        return "wfdr." + service + ".commands";
    }
}
