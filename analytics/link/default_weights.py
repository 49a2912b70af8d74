"""Weights of the linker's scorer, learned from synthetic reports and the hand-written
tuning sets (dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9) by
``benchmarks/train_link_model.py --reports 10000 --seed 7 --handwritten-weight 100``.
Regenerate them after changing a comparison's levels or the normaliser."""

DEFAULT_WEIGHTS = {'coef': [8.8722, 3.1963, 0.0, 8.4068, 6.1267, 6.1267, 6.1267, 5.7608, -2.4718,
          4.0275, 2.4717, 1.1235, 2.4717, -1.7748, 2.7577, 2.4717, -0.039,
          -0.0576, 0.5165, 1.5824, 0.0506, -0.7007, 1.0355, 0.4495, -2.3134,
          2.6538, 2.6538, -0.6752, 6.3268, -0.0988, 0.0, 1.5916, 0.3643, -0.443,
          -2.6275, 1.1834, 0.9279, -0.0613, -0.4098, 0.2972, 0.2972, -0.0463,
          -1.0969, 2.2292, 0.4999, 1.722],
 'intercept': -4.0056,
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
             ['null', 'near_soon', 'near', 'nearby', 'far']],
            ['CloseInTime',
             ['null', 'within_month', 'within_season', 'within_year',
              'years_apart']]]}
