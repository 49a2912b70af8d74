"""Weights of the linker's scorer, learned from synthetic reports by
``benchmarks/train_link_model.py --reports 10000 --seed 7``.
Regenerate them after changing a comparison's levels."""

DEFAULT_WEIGHTS = {'coef': [8.6031, 4.2733, -1.2268, 9.1713, 7.1305, 6.4649, 1.5716, 7.4917,
          -3.8905, 1.7213, 0.9065, 1.6366, 2.4493, -2.3098, 2.4176, 2.0556,
          -0.8289, -1.0895, 1.0415, 1.481, 0.1607, -0.6209, 1.0482, 0.4804,
          -2.671, 1.1505, -0.029, -2.0642, 5.9805, -0.0249, -3.3297, 1.3872,
          0.0271, -0.5763, -3.7828, 1.2848, 0.3603, -0.2828, -0.3038, 3.3032,
          3.1484],
 'intercept': -3.2095,
 'layout': [['SamePhone', ['null', 'same', 'fragment', 'different']],
            ['PlateFits',
             ['null', 'same', 'fits', 'misread', 'one_off', 'partial',
              'different']],
            ['SimilarVehicle',
             ['null', 'same', 'near', 'model_colour_differs', 'similar',
              'different']],
            ['SharedMarks', ['null', 'same', 'similar', 'some', 'different']],
            ['SimilarDescription',
             ['null', 'same', 'similar', 'some', 'different']],
            ['AgeAndHeightFit', ['null', 'both_fit', 'one_fits', 'clash']],
            ['SameName', ['null', 'same', 'similar', 'different']],
            ['SameHandle', ['null', 'same', 'similar', 'different']],
            ['SameHarmPattern',
             ['null', 'same', 'rare_shared', 'common_shared', 'none_shared']],
            ['NearInSpaceAndTime',
             ['null', 'near_soon', 'near', 'nearby', 'far']]]}
