package it.accord.greeting;

public record Greeting(String name, String text) {}
