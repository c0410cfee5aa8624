package it.accord.greeting;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GreetingController {
  @GetMapping("/greetings/{name}")
  Greeting greet(@PathVariable String name) {
    return new Greeting(name, "Hello, " + name);
  }
}
