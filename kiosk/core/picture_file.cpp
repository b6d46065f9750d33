// PNG and JPEG files by their signatures: what the kiosk can show.
#include "core/picture_file.hpp"

#include <fstream>

namespace kiosk {

bool isPictureFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char head[8]{};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    if (in.gcount() < 8)
        return false;
    const bool png = head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G' &&
                     head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A;
    const bool jpeg = head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    return png || jpeg;
}

} // namespace kiosk
