// The floor under the kiosk's start-up figure: the least an SFML program can do to show a first
// frame here (open a window with a GL context, clear it, draw one triangle, show it), timed the
// same way as `kiosk --exit-after-first-frame`.
#include <SFML/OpenGL.hpp>
#include <SFML/Window.hpp>

#include <cstdio>
#include <ctime>

int main()
{
    sf::Window window(sf::VideoMode(1920, 1080), "floor", sf::Style::None);
    glClearColor(0.96f, 0.97f, 0.98f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glBegin(GL_TRIANGLES);
    glVertex2f(0, 0);
    glVertex2f(1, 0);
    glVertex2f(0, 1);
    glEnd();
    window.display();
    glFinish();
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    std::printf("first_frame_epoch=%ld.%06ld\n", static_cast<long>(ts.tv_sec), ts.tv_nsec / 1000);
    return 0;
}
