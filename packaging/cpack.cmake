# CPack: `cpack --config build/<preset>/CPackConfig.cmake` makes a .deb of what
# `cmake --install` installs. Its dependencies come from dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME reviewbench)
set(CPACK_PACKAGE_VENDOR "The Reviewbench developers")
set(CPACK_PACKAGE_CONTACT "The Reviewbench developers <reviewbench@reviewbench.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "workbench for consolidating multi-agent code reviews")
set(CPACK_PACKAGE_DESCRIPTION
"Reviewbench shows a change's diff, several review agents' findings on it side by
side, and lets a person merge duplicates, settle severities, mark false positives,
apply suggested fixes to the working tree and export one consolidated report
(HTML, Markdown, JSON, SARIF). Every step also runs on the command line.")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_FILE_NAME reviewbench) # replaced by the Debian name below
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # reviewbench_VERSION-1_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${REVIEWBENCH_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's xcb and offscreen platform plugins come with libqt6gui6, which dpkg-shlibdeps finds;
# the Wayland one is a separate package, loaded by name.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
include(CPack)
